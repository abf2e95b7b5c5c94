using System.Buffers.Text;
using System.Text;
using Workforce.BuildingBlocks.Errors;
using Workforce.BuildingBlocks.Paging;

namespace Workforce.BuildingBlocks.Tests.Paging;

public sealed class KeysetTests
{
    private sealed record Key(string Name, Guid Id);

    private sealed record Query : PageQuery;

    [Fact]
    public void A_cursor_decodes_to_the_key_it_was_made_from()
    {
        var key = new Key("张三 & 100%", Guid.CreateVersion7());

        var cursor = Keyset.Encode(key);

        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
        Assert.Equal(key, Keyset.Decode<Key>(cursor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_cursor_the_list_starts_at_the_beginning(string? cursor)
    {
        Assert.Null(Keyset.Decode<Key>(cursor));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("%%%%")]
    [InlineData("e30")] // {} - a key with nothing in it
    [InlineData("bnVsbA")] // null
    [InlineData("bm90IGpzb24")] // not json
    [InlineData("eyJOYW1lIjoiYSJ9")] // {"Name":"a"} - no id
    [InlineData("eyJOYW1lIjpudWxsLCJJZCI6IjAxOTdmNmEwLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMSJ9")] // {"Name":null,"Id":"..."}
    [InlineData("WzEsMl0")] // [1,2]
    public void A_cursor_this_list_did_not_make_is_refused(string cursor)
    {
        var error = Assert.Throws<ProblemException>(() => Keyset.Decode<Key>(cursor));

        Assert.Equal(400, error.Status);
        Assert.Equal("invalid_cursor", error.Code);
    }

    [Fact]
    public void A_cursor_with_a_byte_changed_is_refused()
    {
        var cursor = Keyset.Encode(new Key("a", Guid.CreateVersion7()));
        var json = Base64Url.DecodeFromChars(cursor);
        json[0] = (byte)'[';

        var error = Assert.Throws<ProblemException>(() => Keyset.Decode<Key>(Base64Url.EncodeToString(json)));

        Assert.Equal("invalid_cursor", error.Code);
    }

    [Fact]
    public void A_page_cut_from_more_rows_than_its_size_has_a_cursor_to_its_last_item()
    {
        var query = new Query { Limit = 2 };
        int[] rows = [10, 20, 30];

        var page = query.ToPage(rows, row => row, total: null);

        Assert.Equal([10, 20], page.Items);
        Assert.Equal(20, new Query { Cursor = page.NextCursor }.After<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_page_holding_every_remaining_row_has_no_cursor(int rowCount)
    {
        var rows = Enumerable.Range(1, rowCount).ToList();

        var page = new Query { Limit = 2 }.ToPage(rows, row => row, total: 7);

        Assert.Equal(rows, page.Items);
        Assert.Null(page.NextCursor);
        Assert.Equal(7, page.Total);
    }

    [Fact]
    public void A_list_fetches_one_row_more_than_its_page_to_learn_whether_another_follows()
    {
        Assert.Equal(PageQuery.DefaultLimit + 1, new Query().FetchSize);
        Assert.Equal(11, new Query { Limit = 10 }.FetchSize);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void The_page_size_is_between_1_and_200(int limit, bool valid)
    {
        Assert.Equal(valid, new PageQueryValidator().Validate(new Query { Limit = limit }).IsValid);
    }
}
