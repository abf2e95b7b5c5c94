using System.Runtime.CompilerServices;
using System.Text;

namespace Workforce.Directory.Imports;

/// <summary>
/// An RFC 4180 reader that streams: quoted cells may hold separators, doubled quotes and line breaks; lines end with
/// LF or CRLF. A malformed row (a stray quote, a quote never closed, a cell, a row or its cells over the limits of
/// <see cref="RowLimits"/>) is still returned, with the problem named and what is over the limits left out, so it can
/// be reported and the rows after it read with no more memory than a row within them.
/// </summary>
internal static class CsvRows
{

    /// <summary>Comma, tab or semicolon: whichever the header line uses most.</summary>
    public static char SeparatorOf(string firstLine) =>
        new[] { ',', '\t', ';' }.MaxBy(separator => firstLine.Count(c => c == separator));

    public static async IAsyncEnumerable<(string[] Cells, string? Problem)> ReadAsync(TextReader reader, char separator,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = new char[64 * 1024];
        int length = 0, position = 0;
        var cells = new List<string>();
        var cell = new StringBuilder();
        string? problem = null;
        var rowChars = 0;
        // quoted: inside a quoted cell; quoteSeen: a quote inside it, which is either the first of a doubled pair or
        // the closing one; closed: the current cell's closing quote has passed.
        bool quoted = false, quoteSeen = false, closed = false, started = false;

        void EndCell()
        {
            if (cells.Count < RowLimits.MaxCells)
            {
                cells.Add(cell.ToString());
            }
            else
            {
                problem ??= new Words($"The row has more than {RowLimits.MaxCells:N0} cells.", $"此行超过 {RowLimits.MaxCells:N0} 个单元格。").Said;
            }
            cell.Clear();
            closed = false;
        }

        void Add(char c)
        {
            if (cell.Length >= RowLimits.MaxCellChars)
            {
                problem ??= new Words($"A cell is longer than {RowLimits.MaxCellChars:N0} characters.", $"有单元格超过 {RowLimits.MaxCellChars:N0} 个字符。").Said;
            }
            else if (rowChars >= RowLimits.MaxChars)
            {
                problem ??= new Words($"The row is longer than {RowLimits.MaxChars:N0} characters.", $"此行超过 {RowLimits.MaxChars:N0} 个字符。").Said;
            }
            else
            {
                cell.Append(c);
                rowChars++;
            }
        }

        while (true)
        {
            if (position == length)
            {
                length = await reader.ReadAsync(buffer.AsMemory(), ct);
                position = 0;
                if (length == 0)
                {
                    if (quoted && !quoteSeen)
                    {
                        problem ??= new Words("A quoted cell is never closed.", "有单元格以引号开头，却没有结尾的引号。").Said;
                    }
                    if (started)
                    {
                        EndCell();
                        yield return (cells.ToArray(), problem);
                    }
                    yield break;
                }
            }
            var c = buffer[position++];
            started = true;
            if (quoted)
            {
                if (quoteSeen)
                {
                    quoteSeen = false;
                    if (c == '"')
                    {
                        Add('"');
                        continue;
                    }
                    quoted = false;
                    closed = true;
                }
                else
                {
                    if (c == '"')
                    {
                        quoteSeen = true;
                    }
                    else
                    {
                        Add(c);
                    }
                    continue;
                }
            }
            if (c == separator)
            {
                EndCell();
            }
            else if (c == '\n')
            {
                EndCell();
                if (cells is not [""])
                {
                    yield return (cells.ToArray(), problem);
                }
                cells.Clear();
                problem = null;
                rowChars = 0;
                started = false;
            }
            else if (c == '\r')
            {
                continue;
            }
            else if (c == '"' && cell.Length == 0 && !closed)
            {
                quoted = true;
            }
            else
            {
                if (closed)
                {
                    problem ??= new Words("Text follows the closing quote of a cell.", "有单元格在结尾的引号之后还有文字。").Said;
                }
                else if (c == '"')
                {
                    problem ??= new Words("A cell has a stray quote; quote the whole cell and double the quotes inside it.",
                        "有单元格含有多余的引号：请给整个单元格加上引号，并把其中的每个引号写成两个。").Said;
                }
                Add(c);
            }
        }
    }
}
