using System.Buffers.Text;
using System.Text.Json;
using FluentValidation;
using Workforce.BuildingBlocks.Data;
using Workforce.BuildingBlocks.Errors;

namespace Workforce.BuildingBlocks.Paging;

/// <summary>One page of a keyset-paginated list; <c>total</c> is counted only when asked for.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, long? Total);

/// <summary>The paging parameters every list takes: <c>?limit=&amp;cursor=&amp;total=true</c>.</summary>
public abstract record PageQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public bool? Total { get; init; }

    public int PageSize => Limit ?? DefaultLimit;

    /// <summary>Rows to fetch: one more than the page, to learn whether another page follows.</summary>
    public int FetchSize => PageSize + 1;

    public bool WantsTotal => Total ?? false;

    /// <summary>Cuts the fetched rows to a page; the cursor encodes the last row's sort key.</summary>
    public Page<T> ToPage<T, TKey>(IReadOnlyList<T> rows, Func<T, TKey> keyOf, long? total)
    {
        if (rows.Count <= PageSize)
        {
            return new Page<T>(rows, null, total);
        }
        var items = rows.Take(PageSize).ToList();
        return new Page<T>(items, Keyset.Encode(keyOf(items[^1])), total);
    }

    /// <summary>Runs a list's page query (which fetches <see cref="FetchSize"/> rows) and, when asked for, its count.</summary>
    public async Task<Page<T>> ReadAsync<T, TKey>(DbSession db, string pageSql, string countSql, object parameters, Func<T, TKey> keyOf, CancellationToken ct)
    {
        var rows = await db.QueryAsync<T>(pageSql, parameters, ct);
        long? total = WantsTotal ? await db.ExecuteScalarAsync<long>(countSql, parameters, ct) : null;
        return ToPage(rows, keyOf, total);
    }

    /// <summary>The sort key after which this page starts, or the type's default for the first page.</summary>
    public TKey? After<TKey>() => Keyset.Decode<TKey>(Cursor);
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageQuery.MaxLimit);
    }
}

/// <summary>Opaque cursors: the last row's sort key as base64url JSON. Callers must not build them; a broken one is a 400.</summary>
public static class Keyset
{
    // A cursor we made names every part of its key; one with a part missing or null was made by someone else.
    private static readonly JsonSerializerOptions Strict = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static TKey? Decode<TKey>(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), Strict)
                ?? throw new JsonException("Empty cursor.");
        }
        catch (Exception error) when (error is FormatException or JsonException or NotSupportedException)
        {
            throw Problems.InvalidCursor.With(new("The cursor is not one this list returned; start again without it.", "翻页位置不是此列表给出的，请从第一页重新开始。"));
        }
    }
}
