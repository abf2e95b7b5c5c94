using System.IO.Compression;
using System.Xml.Linq;
using Workforce.BuildingBlocks.Files;

namespace Workforce.BuildingBlocks.Tests.Files;

public sealed class XlsxWriterTests
{
    [Fact]
    public void A_workbook_reads_back_sheet_by_sheet_with_strings_as_text_and_numbers_as_numbers()
    {
        var file = XlsxWriter.Write(
        [
            new XlsxSheet("议案", [["事项", "赞成", "投票率"], ["=SUM(A1:A2)", 6, 87.5], ["<b>工时</b> & \"休假\"", 0L, 12.25m]]),
            new XlsxSheet("空表", [["标题"]]),
        ]);

        var sheets = Workbook.Read(file);

        Assert.Equal(["议案", "空表"], sheets.Keys);
        Assert.Equal(new object?[] { "=SUM(A1:A2)", 6.0, 87.5 }, sheets["议案"][1]);
        Assert.Equal(new object?[] { "<b>工时</b> & \"休假\"", 0.0, 12.25 }, sheets["议案"][2]);
        Assert.Equal(new object?[] { "标题" }, sheets["空表"][0]);
    }

    [Fact]
    public void Empty_cells_stay_empty_and_columns_past_z_are_addressed()
    {
        var wide = Enumerable.Range(0, 31).Select(i => (object?)(i % 2 == 0 ? i : null)).ToArray();

        var rows = Workbook.Read(XlsxWriter.Write([new XlsxSheet("宽表", [wide], HeaderRows: 0)]))["宽表"];

        Assert.Equal(wide.Select(c => c is int i ? (object?)(double)i : null), rows.Single());
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_left_out_and_edge_spaces_kept()
    {
        var rows = Workbook.Read(XlsxWriter.Write([new XlsxSheet("S", [["a\u0001b\u001Fc", " 前后有空格 ", "😀"]])]))["S"];

        Assert.Equal(new object?[] { "abc", " 前后有空格 ", "😀" }, rows.Single());
    }

    [Fact]
    public void Text_that_spells_a_character_escape_reads_back_as_written()
    {
        string[] texts = ["_x0041_", "a_x0041_x0042_b", "_x00_", "_x005F_"];

        var rows = Workbook.Read(XlsxWriter.Write([new XlsxSheet("S", [texts], HeaderRows: 0)]))["S"];

        Assert.Equal(texts, rows.Single());
    }

    [Fact]
    public void Characters_beyond_the_basic_plane_are_written_as_themselves_not_as_escapes()
    {
        // A reader that decodes _xD842__xDFB7_ hides the difference; LibreOffice shows such escapes as they are.
        var file = XlsxWriter.Write([new XlsxSheet("S", [["𠮷", "王😀"]], HeaderRows: 0)]);

        using var zip = new ZipArchive(new MemoryStream(file));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        Assert.Contains(">𠮷<", sheet);
        Assert.Contains(">王😀<", sheet);
        Assert.Equal(new object?[] { "𠮷", "王😀" }, Workbook.Read(file)["S"].Single());
    }

    [Fact]
    public void Sheet_names_are_made_acceptable_to_excel_and_unique()
    {
        var file = XlsxWriter.Write(
        [
            new XlsxSheet("a/b:c?*[d]", [["1"]]),
            new XlsxSheet(new string('长', 40), [["2"]]),
            new XlsxSheet(new string('长', 40), [["3"]]),
            new XlsxSheet("  ", [["4"]]),
        ]);

        Assert.Equal(["a_b_c___d_", new string('长', 31), new string('长', 27) + " (2)", "Sheet4"], Workbook.Read(file).Keys);
    }

    [Fact]
    public void The_header_rows_are_bold_and_frozen()
    {
        var file = XlsxWriter.Write([new XlsxSheet("S", [["标题"], ["值"]])]);

        using var zip = new ZipArchive(new MemoryStream(file));
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Assert.Equal(["1", null], sheet.Descendants(main + "c").Select(c => (string?)c.Attribute("s")));
        Assert.Equal("frozen", (string?)sheet.Descendants(main + "pane").Single().Attribute("state"));
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        Assert.NotNull(styles.Descendants(main + "font").ElementAt(1).Element(main + "b"));
    }

    [Fact]
    public void A_workbook_needs_a_sheet()
    {
        Assert.Throws<ArgumentException>(() => XlsxWriter.Write([]));
    }
}
