using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workforce.Congress.Tests.Exports;

/// <summary>Reads the exported files back as their users' programs would: rows of cells.</summary>
public static partial class ExportFiles
{
    /// <summary>A CSV file's records (RFC 4180 quoting), from text without its BOM.</summary>
    public static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(ch);
            }
        }
        Assert.True(cell.Length == 0 && row.Count == 0, "The CSV file does not end with a line break.");
        return rows;
    }

    public static string[] Texts(this object?[] cells) => cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray();

    [GeneratedRegex(@"<tr\b[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"<t[hd]\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex TableCell();

    [GeneratedRegex(@"<(style|title)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex NotShown();

    [GeneratedRegex(@"</?(p|h[1-6]|div|section|header|br|table|thead|tbody|li)\b[^>]*>")]
    private static partial Regex Block();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>What a page shows, line by line: a table row as its cells, any other block of text as one cell.</summary>
    public static List<string[]> Html(string html)
    {
        var body = NotShown().Replace(html, "");
        var rows = TableRow().Matches(body)
            .Select(row => TableCell().Matches(row.Groups[1].Value).Select(cell => Text(cell.Groups[1].Value)).ToArray())
            .ToList();
        var rest = Block().Replace(TableRow().Replace(body, "\n"), "\n");
        rows.AddRange(rest.Split('\n').Select(Text).Where(line => line.Length > 0).Select(line => new[] { line }));
        return rows;
    }

    private static string Text(string html) => System.Net.WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();
}
