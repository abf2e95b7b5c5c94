using System.Text;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// CSV for people who open it in a spreadsheet: UTF-8 with a BOM (so that Excel shows the Chinese), CRLF line ends,
/// cells quoted when they must be, and never a formula: a cell beginning with = + - @ tab or CR is defused with an
/// apostrophe.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell));

    /// <summary>The whole file: the BOM, then each line of cells.</summary>
    public static byte[] Write(IEnumerable<IEnumerable<string?>> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(Line(line)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
