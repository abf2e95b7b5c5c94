using System.Text;

namespace Workforce.Directory.Imports;

/// <summary>
/// What a cell of an import file may hold. PostgreSQL refuses NUL in text outright, and no field takes the other
/// control characters (tab and line breaks aside) or half of a surrogate pair (XLSX spells them _x0000_, _xD800_):
/// a row holding one is rejected, saying which cell, and the character is kept as U+FFFD so that the row can still be
/// staged and shown in the rejected-rows file.
/// </summary>
internal static class CellText
{
    public static FileRow Checked(FileRow row)
    {
        string? problem = null;
        for (var i = 0; i < row.Cells.Length; i++)
        {
            if (row.Cells[i] is { } cell && Disallowed(cell) is var at and >= 0)
            {
                problem ??= new Words($"Cell {i + 1} holds the control character U+{(int)cell[at]:X4}, which no field takes; remove it.",
                    $"第 {i + 1} 个单元格含有控制字符 U+{(int)cell[at]:X4}，任何字段都不接受，请删除。").Said;
                row.Cells[i] = Replaced(cell);
            }
        }
        return problem is null ? row : row with { Problem = row.Problem ?? problem };
    }

    /// <summary>Where the first character no field takes is, or -1.</summary>
    private static int Disallowed(string cell)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            if (IsDisallowed(cell, i))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsDisallowed(string cell, int i)
    {
        var c = cell[i];
        return c switch
        {
            '\t' or '\n' or '\r' => false,
            < ' ' or (>= '\u007F' and <= '\u009F') => true,
            _ when char.IsHighSurrogate(c) => i + 1 >= cell.Length || !char.IsLowSurrogate(cell[i + 1]),
            _ when char.IsLowSurrogate(c) => i == 0 || !char.IsHighSurrogate(cell[i - 1]),
            _ => false,
        };
    }

    private static string Replaced(string cell)
    {
        var clean = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            clean.Append(IsDisallowed(cell, i) ? '\uFFFD' : cell[i]);
        }
        return clean.ToString();
    }
}
