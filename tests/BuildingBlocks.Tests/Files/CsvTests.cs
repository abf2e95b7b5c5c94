using System.Text;
using Workforce.BuildingBlocks.Files;

namespace Workforce.BuildingBlocks.Tests.Files;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 139", "'+86 139")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a=b", "a=b")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_defused(string value, string cell)
    {
        Assert.Equal(cell, Csv.Cell(value));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("他说\"好\"", "\"他说\"\"好\"\"\"")]
    [InlineData("两\n行", "\"两\n行\"")]
    [InlineData(null, "")]
    public void A_cell_is_quoted_when_it_must_be(string? value, string cell)
    {
        Assert.Equal(cell, Csv.Cell(value));
    }

    [Fact]
    public void A_file_starts_with_the_utf8_bom_and_ends_lines_with_crlf()
    {
        var file = Csv.Write([["姓名", "票数"], ["张三", "3"], []]);

        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);
        Assert.Equal("姓名,票数\r\n张三,3\r\n\r\n", Encoding.UTF8.GetString(file[3..]));
    }
}
