using System.Text.Json;
using System.Text.RegularExpressions;
using Workforce.BuildingBlocks.Http;

namespace Workforce.BuildingBlocks.Tests.Http;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("张三")]
    [InlineData("第一行\n第二行\r\n\t缩进")]
    [InlineData("表情😀")]
    [InlineData("\u202e倒序")]
    public void Text_with_line_breaks_tabs_and_whole_characters_is_plain(string text)
    {
        Assert.True(PlainText.IsPlain(text));
    }

    // Written escaped and unescaped here: a lone surrogate does not survive in an attribute's string.
    [Theory]
    [InlineData(@"a\u0000")]
    [InlineData(@"\u0001")]
    [InlineData(@"\u000b")]
    [InlineData(@"\u001b[31m")]
    [InlineData(@"\u007f")]
    [InlineData(@"\u0085")]
    [InlineData(@"\ud800")]
    [InlineData(@"a\ud800b")]
    [InlineData(@"\udc00a")]
    [InlineData(@"\ude00\ud83d")]
    public void Control_characters_and_halves_of_surrogate_pairs_are_not(string escaped)
    {
        Assert.False(PlainText.IsPlain(Regex.Unescape(escaped)));
    }

    [Fact]
    public void A_json_string_that_is_not_plain_text_fails_reading_at_its_path()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new PlainText.JsonConverter() } };

        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Form>("""{"items":[{"title":"a\u0000b"}]}""", options));

        Assert.IsType<PlainText.NotPlainTextException>(refused);
        Assert.Equal("$.items[0].title", refused.Path);
        Assert.Equal("第一行\n第二行", JsonSerializer.Deserialize<Form>("""{"title":"第一行\n第二行"}""", options)!.Title);
    }

    private sealed record Form(string? Title, IReadOnlyList<Form>? Items);
}
