using Workforce.BuildingBlocks.Data;

namespace Workforce.BuildingBlocks.Tests.Data;

public sealed class SqlTextTests
{
    [Theory]
    [InlineData("张", "%张%")]
    [InlineData("  张三 ", "%张三%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"c:\x", @"%c:\\x%")]
    public void Contains_takes_what_the_user_typed_literally(string typed, string pattern)
    {
        Assert.Equal(pattern, SqlText.Contains(typed));
    }

    [Fact]
    public void StartsWith_anchors_the_pattern_at_the_start()
    {
        Assert.Equal(@"T\_01%", SqlText.StartsWith("T_01"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_typed_means_no_filter(string? typed)
    {
        Assert.Null(SqlText.Contains(typed));
        Assert.Null(SqlText.StartsWith(typed));
    }
}
