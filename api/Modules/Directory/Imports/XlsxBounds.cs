using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Workforce.Directory.Imports;

/// <summary>
/// Measures an uploaded workbook before ExcelDataReader opens it, within fixed memory, and refuses what would make the
/// server hold too much. ExcelDataReader (3.6, the newest the package registry serves; it has no options for this)
/// reads the zip's whole central directory, every shared string, the styles and the workbook part into memory, and
/// each row of the sheet whole, so a few megabytes of zip could expand to gigabytes there. Checked here, streaming:
/// the central directory's size; the uncompressed size of each part it reads, against its compressed size; the number
/// and length of the shared strings, the styles and number formats; and in the first sheet (the one imported) each
/// cell's reference and length, each row's width and length, and the merged ranges and column entries it lists.
/// The limits of Excel itself (16,384 columns, 1,048,576 rows, 32,767 characters a cell) bound what a real workbook
/// holds; a workbook past them was not made by a spreadsheet program.
/// </summary>
internal static class XlsxBounds
{
    private const int MaxColumns = RowLimits.MaxCells;
    private const int MaxRows = 1_048_576;
    private const int MaxCellChars = RowLimits.MaxCellChars;
    private const int MaxRowChars = RowLimits.MaxChars;

    private const int MaxCentralDirectoryBytes = 1024 * 1024;
    private const int MaxNodeBytes = 1024 * 1024;
    private const int MaxDepth = 64;
    private const long MaxSmallPartBytes = 16L * 1024 * 1024;
    private const long MaxPartBytes = 4L * 1024 * 1024 * 1024;
    // Apache POI refuses, by default, entries that inflate to more than 100 times their compressed size.
    private const int MaxInflateRatio = 100;
    private const long InflateGraceBytes = 1024 * 1024;
    private const int MaxSheets = 10_000;
    private const int MaxRelationships = 10_000;
    private const int MaxCellFormats = 2 * 65_536;
    private const int MaxNumberFormats = 4_096;
    private const int MaxFormatCodeChars = 1_024;
    private const int MaxRuns = 100;
    private const int MaxMergedRanges = 100_000;

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Throws the 413 or 422 problem that refuses the workbook in <paramref name="path"/>, if it must be refused.</summary>
    public static void Check(string path, ImportLimits limits)
    {
        using var file = File.OpenRead(path);
        CheckCentralDirectory(file);
        file.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw NotAWorkbook();
        }
        using (zip)
        {
            var firstSheet = FirstSheetId(zip);
            var sheetPath = firstSheet is null ? null : SheetPath(zip, firstSheet);
            Scan(zip, "xl/styles.xml", MaxSmallPartBytes, ScanStyles);
            var sharedLengths = new List<int>();
            Scan(zip, "xl/sharedStrings.xml", MaxPartBytes, (xml, part) => ScanSharedStrings(xml, part, limits, sharedLengths));
            if (sheetPath is not null)
            {
                Scan(zip, sheetPath, MaxPartBytes, (xml, part) => ScanSheet(xml, part, sharedLengths));
            }
        }
    }

    /// <summary>
    /// The central directory, which opening the zip reads whole, from the end-of-central-directory record (or its
    /// zip64 form): it must end where that record starts and take at most 1 MB.
    /// </summary>
    private static void CheckCentralDirectory(FileStream file)
    {
        const int EndRecordSize = 22;
        var tailLength = (int)Math.Min(file.Length, EndRecordSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        var end = -1;
        for (var i = tailLength - EndRecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054b50)
            {
                end = i;
                break;
            }
        }
        if (end < 0)
        {
            throw NotAWorkbook();
        }
        var endPosition = file.Length - tailLength + end;
        long directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        var directoryEnd = endPosition;
        if (directoryStart == uint.MaxValue && end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end - 20)) == 0x07064b50)
        {
            directoryEnd = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(end - 20 + 8));
            var zip64End = new byte[56];
            if (directoryEnd < 0 || directoryEnd > file.Length - zip64End.Length)
            {
                throw NotAWorkbook();
            }
            file.Position = directoryEnd;
            file.ReadExactly(zip64End);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64End) != 0x06064b50)
            {
                throw NotAWorkbook();
            }
            directoryStart = (long)BinaryPrimitives.ReadUInt64LittleEndian(zip64End.AsSpan(48));
        }
        if (directoryStart < 0 || directoryStart > directoryEnd)
        {
            throw NotAWorkbook();
        }
        if (directoryEnd - directoryStart > MaxCentralDirectoryBytes)
        {
            throw ImportProblems.TooLarge(new("The workbook's zip lists more parts than a workbook has (its directory is over 1 MB).",
                "此工作簿的压缩包列出的部件比工作簿应有的多（其目录超过 1 MB）。"));
        }
    }

    /// <summary>The relationship id of the first sheet the workbook lists: the sheet ExcelDataReader reads first.</summary>
    private static string? FirstSheetId(ZipArchive zip)
    {
        string? first = null;
        var sheets = 0;
        Scan(zip, "xl/workbook.xml", MaxSmallPartBytes, (xml, part) =>
        {
            while (part.Next(xml))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
                {
                    first ??= xml.GetAttribute("id", Relationships);
                    Count(ref sheets, MaxSheets, new("sheets", "工作表超过 {0} 个"));
                }
            }
        });
        return first;
    }

    /// <summary>Where the sheet is in the zip, resolved as ExcelDataReader resolves it (the last relationship with its id wins).</summary>
    private static string? SheetPath(ZipArchive zip, string sheetId)
    {
        string? target = null;
        var relationships = 0;
        Scan(zip, "xl/_rels/workbook.xml.rels", MaxSmallPartBytes, (xml, part) =>
        {
            while (part.Next(xml))
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship")
                {
                    Count(ref relationships, MaxRelationships, new("relationships", "关系超过 {0} 个"));
                    if (xml.GetAttribute("Id") == sheetId)
                    {
                        target = xml.GetAttribute("Target");
                    }
                }
            }
        });
        return target is null ? null
            : target.StartsWith("/xl/", StringComparison.OrdinalIgnoreCase) ? target[1..]
            : "xl/" + target;
    }

    private static void ScanStyles(XmlReader xml, MeasuredPart part)
    {
        int formats = 0, numberFormats = 0;
        while (part.Next(xml))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (xml.LocalName == "xf")
            {
                Count(ref formats, MaxCellFormats, new("cell formats", "单元格格式超过 {0} 种"));
            }
            else if (xml.LocalName == "numFmt")
            {
                Count(ref numberFormats, MaxNumberFormats, new("number formats", "数字格式超过 {0} 种"));
                if (xml.GetAttribute("formatCode") is { Length: > MaxFormatCodeChars })
                {
                    throw ImportProblems.TooLarge(new($"A number format of the workbook is longer than {MaxFormatCodeChars:N0} characters.",
                        $"此工作簿有数字格式超过 {MaxFormatCodeChars:N0} 个字符。"));
                }
            }
        }
    }

    private static void ScanSharedStrings(XmlReader xml, MeasuredPart part, ImportLimits limits, List<int> lengths)
    {
        long total = 0;
        var runs = 0;
        while (part.Next(xml))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "si":
                    if (lengths.Count >= limits.MaxXlsxSharedStrings)
                    {
                        throw ImportProblems.TooLarge(new(
                            $"The workbook holds more than {limits.MaxXlsxSharedStrings:N0} different texts (its shared strings). Save the sheet as CSV (UTF-8) and upload that, or split the file.",
                            $"此工作簿含有超过 {limits.MaxXlsxSharedStrings:N0} 条不同的文字（共享字符串）。请把工作表另存为 CSV（UTF-8）再上传，或拆分文件。"));
                    }
                    lengths.Add(0);
                    runs = 0;
                    break;
                case "r" when lengths.Count > 0:
                    Count(ref runs, MaxRuns, new("formatted runs in one text", "有一条文字带格式的片段超过 {0} 段"));
                    break;
                case "t" when lengths.Count > 0:
                    var length = lengths[^1] + part.Text(xml, MaxCellChars - lengths[^1]).Length;
                    lengths[^1] = length;
                    total += length;
                    if (total > limits.MaxXlsxSharedStringChars)
                    {
                        throw ImportProblems.TooLarge(new(
                            $"The workbook's texts (its shared strings) hold more than {limits.MaxXlsxSharedStringChars:N0} characters. Save the sheet as CSV (UTF-8) and upload that, or split the file.",
                            $"此工作簿的文字（共享字符串）共超过 {limits.MaxXlsxSharedStringChars:N0} 个字符。请把工作表另存为 CSV（UTF-8）再上传，或拆分文件。"));
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// Rows as ExcelDataReader builds them: consecutive &lt;row&gt; elements with the same number are one row, a row or
    /// cell without a reference follows the one before.
    /// </summary>
    private static void ScanSheet(XmlReader xml, MeasuredPart part, List<int> sharedLengths)
    {
        int row = 0, nextRow = 1, cells = 0, column = 0, runs = 0, merged = 0, columnEntries = 0;
        long rowChars = 0, cellChars = 0;
        string? cellType = null;
        while (part.Next(xml))
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "row":
                    var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : nextRow;
                    if (number is < 1 or > MaxRows)
                    {
                        throw Beyond(new($"a row numbered {number:N0}, past Excel's last row ({MaxRows:N0})", $"第 {number:N0} 行，超出了 Excel 的最后一行（{MaxRows:N0}）"));
                    }
                    if (number != row)
                    {
                        (row, cells, rowChars) = (number, 0, 0);
                    }
                    (nextRow, column) = (number + 1, 0);
                    break;
                case "c":
                    column = ReferencedColumn(xml.GetAttribute("r"), row) ?? column + 1;
                    if (column > MaxColumns)
                    {
                        throw Beyond(new($"a cell in row {row:N0} past Excel's last column (XFD)", $"第 {row:N0} 行有单元格超出了 Excel 的最后一列（XFD）"));
                    }
                    if (++cells > MaxColumns)
                    {
                        throw TooMany(MaxColumns, new($"cells in row {row:N0}", $"第 {row:N0} 行的单元格超过 {{0}} 个"));
                    }
                    (cellType, runs, cellChars) = (xml.GetAttribute("t"), 0, 0);
                    break;
                case "r":
                    if (++runs > MaxRuns)
                    {
                        throw TooMany(MaxRuns, new($"formatted runs in a cell of row {row:N0}", $"第 {row:N0} 行有单元格带格式的片段超过 {{0}} 段"));
                    }
                    break;
                case "v" or "t":
                    var text = part.Text(xml, MaxCellChars);
                    var length = cellType == "s" && xml.LocalName == "v" ? SharedLength(text.Start, sharedLengths) : text.Length;
                    cellChars += length;
                    rowChars += length;
                    if (cellChars > MaxCellChars)
                    {
                        throw CellTooLong();
                    }
                    if (rowChars > MaxRowChars)
                    {
                        throw ImportProblems.TooLarge(new($"Row {row:N0} of the sheet holds more than {MaxRowChars:N0} characters.",
                            $"工作表第 {row:N0} 行超过 {MaxRowChars:N0} 个字符。"));
                    }
                    break;
                case "oddHeader" or "oddFooter" or "evenHeader" or "evenFooter" or "firstHeader" or "firstFooter":
                    part.Text(xml, MaxCellChars);
                    break;
                case "mergeCell":
                    Count(ref merged, MaxMergedRanges, new("merged ranges", "合并区域超过 {0} 个"));
                    break;
                case "col":
                    Count(ref columnEntries, MaxColumns, new("column entries", "列设置超过 {0} 个"));
                    break;
            }
        }
    }

    /// <summary>The column of a cell reference such as AB12 (1-based), as ExcelDataReader reads it: capitals, then the row's digits; null if it is not one.</summary>
    private static int? ReferencedColumn(string? reference, int row)
    {
        if (reference is null)
        {
            return null;
        }
        var letters = 0;
        long column = 0;
        while (letters < reference.Length && reference[letters] is >= 'A' and <= 'Z')
        {
            column = Math.Min(column * 26 + reference[letters] - 'A' + 1, MaxColumns + 1L);
            letters++;
        }
        if (letters == 0 || !int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var referencedRow))
        {
            return null;
        }
        if (referencedRow > MaxRows)
        {
            throw Beyond(new($"a cell in row {row:N0} referring to row {referencedRow:N0}, past Excel's last row",
                $"第 {row:N0} 行有单元格指向第 {referencedRow:N0} 行，超出了 Excel 的最后一行"));
        }
        return (int)column;
    }

    /// <summary>The length of the shared string a cell names; a cell naming none keeps its own few characters.</summary>
    private static int SharedLength(string index, List<int> sharedLengths) =>
        int.TryParse(index, NumberStyles.Any, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedLengths.Count ? sharedLengths[i] : index.Length;

    /// <param name="what">What is counted; in Chinese, the clause saying it exceeds the limit ({0}), measure word and all.</param>
    private static void Count(ref int count, int limit, Words what)
    {
        if (++count > limit)
        {
            throw TooMany(limit, what);
        }
    }

    private static ProblemException TooMany(int limit, Words what) => ImportProblems.TooLarge(new($"The workbook has more than {limit:N0} {what.English}.",
        $"工作簿中{string.Format(CultureInfo.CurrentCulture, what.Chinese, limit.ToString("N0", CultureInfo.CurrentCulture))}。"));

    /// <summary>Reads the first entry of this name (as ExcelDataReader finds it), if there is one, measured.</summary>
    private static void Scan(ZipArchive zip, string name, long maxBytes, Action<XmlReader, MeasuredPart> scan)
    {
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/').Equals(name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return;
        }
        var inflated = entry.CompressedLength * MaxInflateRatio + InflateGraceBytes;
        Words tooLarge = inflated < maxBytes
            ? new($"A part of the workbook ({name}) inflates to more than {MaxInflateRatio} times its compressed size, as no real workbook does.",
                $"此工作簿有部件（{name}）解压后超过其压缩大小的 {MaxInflateRatio} 倍，正常的工作簿不会这样。")
            : new($"A part of the workbook ({name}) is larger than {maxBytes / 1024 / 1024:N0} MB once uncompressed.",
                $"此工作簿有部件（{name}）解压后超过 {maxBytes / 1024 / 1024:N0} MB。");
        try
        {
            using var part = new MeasuredPart(entry.Open(), name, Math.Min(inflated, maxBytes), tooLarge);
            using var xml = XmlReader.Create(part, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            scan(xml, part);
        }
        catch (Exception error) when (error is XmlException or InvalidDataException)
        {
            throw NotAWorkbook();
        }
    }

    private static ProblemException CellTooLong() => ImportProblems.TooLarge(new(
        $"A cell of the workbook holds more than {MaxCellChars:N0} characters, more than Excel allows in one.",
        $"此工作簿有单元格超过 {MaxCellChars:N0} 个字符，超出了 Excel 允许的上限。"));

    public static readonly Words NotAWorkbookWords = new("This is not an XLSX workbook that can be read.", "这不是能够读取的 XLSX 工作簿。");

    private static ProblemException NotAWorkbook() => ImportProblems.Unreadable(NotAWorkbookWords);

    private static ProblemException Beyond(Words what) => ImportProblems.Unreadable(new(
        $"The sheet has {what.English}: it was not saved by a spreadsheet program. Save it again from Excel or WPS, or as CSV.",
        $"工作表中有{what.Chinese}：它不是由电子表格软件保存的。请用 Excel 或 WPS 重新保存，或另存为 CSV 文件。"));

    /// <summary>
    /// A part as it inflates: refused past its allowed size, and past 1 MB read for a single XML node (a tag, or a text
    /// not read in chunks), which the XML reader would otherwise hold whole.
    /// </summary>
    private sealed class MeasuredPart(Stream inner, string name, long allowed, Words tooLarge) : ForwardOnlyStream
    {
        private readonly char[] _chunk = new char[4096];
        private readonly char[] _start = new char[16];
        private long _total;
        private long _sinceNode;

        /// <summary>The next node, within the depth and size a workbook's parts have.</summary>
        public bool Next(XmlReader xml)
        {
            _sinceNode = 0;
            if (!xml.Read())
            {
                return false;
            }
            return xml.Depth <= MaxDepth ? true
                : throw ImportProblems.Unreadable(new($"{name} nests elements deeper than a workbook does.", $"{name} 的元素嵌套层数超出了正常工作簿。"));
        }

        /// <summary>
        /// The element's text, read in chunks and refused past <paramref name="limit"/> characters: its length, and
        /// its first few characters (enough for a shared string's number).
        /// </summary>
        public (int Length, string Start) Text(XmlReader xml, int limit)
        {
            var length = 0;
            foreach (var read in Chunks(xml))
            {
                if (length < _start.Length)
                {
                    _chunk.AsSpan(0, Math.Min(read, _start.Length - length)).CopyTo(_start.AsSpan(length));
                }
                length += read;
                if (length > limit)
                {
                    throw CellTooLong();
                }
            }
            return (length, new string(_start, 0, Math.Min(length, _start.Length)));
        }

        /// <summary>
        /// The text of the element, as the XML reader reads an element's content as a string: all of it, across the
        /// comments and processing instructions that may split it.
        /// </summary>
        private IEnumerable<int> Chunks(XmlReader xml)
        {
            if (xml.IsEmptyElement)
            {
                yield break;
            }
            _sinceNode = 0;
            while (xml.Read() && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace
                       or XmlNodeType.CDATA or XmlNodeType.Comment or XmlNodeType.ProcessingInstruction)
            {
                int read;
                while (xml.NodeType is not (XmlNodeType.Comment or XmlNodeType.ProcessingInstruction)
                       && (read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    _sinceNode = 0;
                    yield return read;
                }
                _sinceNode = 0;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _total += read;
            _sinceNode += read;
            if (_total > allowed)
            {
                throw ImportProblems.TooLarge(tooLarge);
            }
            return _sinceNode > MaxNodeBytes
                ? throw ImportProblems.TooLarge(new($"{name} holds a single XML element or text of more than 1 MB.", $"{name} 中有单个 XML 元素或文字超过 1 MB。"))
                : read;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
