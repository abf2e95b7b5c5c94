using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Text;

namespace Workforce.BuildingBlocks.Http;

/// <summary>
/// Text the API takes in is plain text: no NUL (which PostgreSQL cannot store in text), no other control character but
/// tab, line feed and carriage return, and no half of a surrogate pair (which encodes no character). It is checked once,
/// where text comes in: every string of a JSON body (<see cref="JsonConverter"/>), every query and route value
/// (<see cref="UsePlainTextInput"/>) and every form field (<see cref="Files.FileUpload"/>). A refusal is a 400
/// naming the field, before any handler sees the text. A JSON body is UTF-8 (RFC 8259): one declared in another
/// charset is a 415.
/// </summary>
public static class PlainText
{
    public static readonly Words Rule = new("Text may not hold NUL or another control character (but tab and line breaks), nor half of a surrogate pair.",
        "文字中不能有空字符或其他控制字符（制表符和换行除外），也不能有不成对的代理字符。");

    public static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /// <summary>A query or route value that is not plain text: <c>400 invalid_parameter</c> naming it.</summary>
    public static ProblemException InvalidParameter(string name) => Problems.InvalidParameter.With(
        new($"{name} holds characters that are not text.", $"参数 {name} 含有不是文字的字符。"), new Dictionary<string, string[]> { [name] = [Rule.Said] });

    /// <summary>A body's field that is not plain text: <c>400 malformed_body</c> naming it.</summary>
    public static ProblemException InvalidField(string field) => Problems.MalformedBody.With(
        new($"{field} holds characters that are not text.", $"字段 {field} 含有不是文字的字符。"), new Dictionary<string, string[]> { [field] = [Rule.Said] });

    /// <summary>Refuses a request whose query or route values are not plain text, or whose JSON is not UTF-8 (after routing, before binding).</summary>
    public static IApplicationBuilder UsePlainTextInput(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.HasJsonContentType() && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && HeaderUtilities.RemoveQuotes(type.Charset).Value is { Length: > 0 } charset)
        {
            // The framework reads JSON in the charset declared, but takes a quoted one ("utf-8", as RFC 9110 allows) for no charset at all.
            context.Request.ContentType = IsUtf8(charset) ? type.MediaType.Value : throw Problems.UnsupportedMediaType.With(new(
                "Send the body as application/json in UTF-8, with no charset or charset=utf-8.", "请以 UTF-8 编码的 application/json 发送请求内容（不注明字符集，或注明 charset=utf-8）。"));
        }
        foreach (var (name, values) in context.Request.Query)
        {
            if (!IsPlain(name))
            {
                throw InvalidParameter("query");
            }
            if (values.Any(value => value is not null && !IsPlain(value)))
            {
                throw InvalidParameter(name);
            }
        }
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && !IsPlain(text))
            {
                throw InvalidParameter(name);
            }
        }
        await next();
    });

    private static bool IsUtf8(string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset) is UTF8Encoding;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Every JSON string read from a body is plain text; the field it was in is named by the path the serializer adds.</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is null || IsPlain(text) ? text : throw new NotPlainTextException();
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A JSON string that is not plain text; <see cref="ProblemResponses"/> answers it with <see cref="InvalidField"/>.</summary>
    internal sealed class NotPlainTextException() : JsonException(Rule.English);
}
