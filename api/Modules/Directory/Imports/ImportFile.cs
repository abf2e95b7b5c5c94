using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace Workforce.Directory.Imports;

internal enum FileFormat { Csv, Xlsx }

/// <summary>One row of an import file: its number as people count rows (the header is row 1) and its cells, or why it could not be read.</summary>
internal sealed record FileRow(int Number, string?[] Cells, string? Problem);

/// <summary>What one row of an import file may hold, whatever its format: Excel's own limits for a cell and for a row's cells, and a bound on its characters together.</summary>
internal static class RowLimits
{
    public const int MaxCellChars = 32_767;
    public const int MaxCells = 16_384;
    public const int MaxChars = 1024 * 1024;
}

/// <summary>
/// An uploaded file read row by row, never whole. CSV comes as UTF-8 (with or without BOM) or GBK/GB18030, told apart
/// by whether the start of the file is valid UTF-8; XLSX (a zip, which needs random access) is spooled to a temporary
/// file first and its first sheet read.
/// </summary>
internal sealed class ImportFile : IAsyncDisposable
{
    private const int Sample = 64 * 1024;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CountingStream _counted;
    private readonly Func<CancellationToken, IAsyncEnumerable<FileRow>> _rows;
    private readonly Action _dispose;

    private ImportFile(FileFormat format, string? encoding, CountingStream counted, Func<CancellationToken, IAsyncEnumerable<FileRow>> rows, Action dispose)
    {
        Format = format;
        Encoding = encoding;
        _counted = counted;
        _rows = rows;
        _dispose = dispose;
    }

    static ImportFile() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public FileFormat Format { get; }

    /// <summary>utf-8, utf-8-bom or gb18030 for CSV; null for XLSX.</summary>
    public string? Encoding { get; }

    public long BytesRead => _counted.Count;

    /// <summary>Every row, the header first.</summary>
    public IAsyncEnumerable<FileRow> RowsAsync(CancellationToken ct) => _rows(ct);

    public static async Task<ImportFile> OpenAsync(Stream body, ImportLimits limits, CancellationToken ct)
    {
        var counted = new CountingStream(body, limits.MaxBytes);
        var start = new byte[Sample];
        var length = await counted.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct);
        if (length == 0)
        {
            throw ImportProblems.Empty();
        }
        if (length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4)
        {
            return await OpenXlsxAsync(new ConcatenatedStream(new MemoryStream(start, 0, length), counted), counted, limits, ct);
        }
        var (encoding, name) = DetectEncoding(start.AsSpan(0, length), endOfFile: length < start.Length);
        var bom = name == "utf-8-bom" ? 3 : 0;
        var whole = new ConcatenatedStream(new MemoryStream(start, bom, length - bom), counted);
        var firstLine = encoding.GetString(start, bom, length - bom).Split('\n')[0];
        var reader = new StreamReader(whole, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        return new ImportFile(FileFormat.Csv, name, counted, ct => ReadCsv(reader, CsvRows.SeparatorOf(firstLine), ct), reader.Dispose);
    }

    public ValueTask DisposeAsync()
    {
        _dispose();
        return ValueTask.CompletedTask;
    }

    private static (Encoding Encoding, string Name) DetectEncoding(ReadOnlySpan<byte> start, bool endOfFile)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(false, false), "utf-8-bom");
        }
        // A sample cut mid-character is not an encoding error: drop up to three trailing bytes of an unfinished sequence.
        var sample = endOfFile ? start : start[..Math.Max(0, start.Length - TrailingPartial(start))];
        try
        {
            StrictUtf8.GetCharCount(sample);
            return (new UTF8Encoding(false, false), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (System.Text.Encoding.GetEncoding("GB18030"), "gb18030");
        }
    }

    private static int TrailingPartial(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0xC0)
            {
                return back;
            }
            if ((b & 0x80) == 0)
            {
                return 0;
            }
        }
        return 0;
    }

    private static async IAsyncEnumerable<FileRow> ReadCsv(StreamReader reader, char separator, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        await foreach (var (cells, problem) in CsvRows.ReadAsync(reader, separator, ct))
        {
            number++;
            var trimmed = Array.ConvertAll(cells, cell => cell.Trim());
            var unreadable = problem is null && trimmed.Any(cell => cell.Contains('\uFFFD'))
                ? new Words("The row has characters in an unknown encoding; save the file as UTF-8 or GBK.", "此行有无法识别编码的字符，请将文件另存为 UTF-8 或 GBK 编码。").Said
                : problem;
            yield return CellText.Checked(new FileRow(number, trimmed, unreadable));
        }
    }

    private static async Task<ImportFile> OpenXlsxAsync(Stream whole, CountingStream counted, ImportLimits limits, CancellationToken ct)
    {
        var spooled = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(spooled))
            {
                await whole.CopyToAsync(file, ct);
            }
            XlsxBounds.Check(spooled, limits);
            var stream = File.OpenRead(spooled);
            IExcelDataReader excel;
            try
            {
                excel = ExcelReaderFactory.CreateOpenXmlReader(stream);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await stream.DisposeAsync();
                throw ImportProblems.Unreadable(XlsxBounds.NotAWorkbookWords);
            }
            return new ImportFile(FileFormat.Xlsx, null, counted, ct => ReadXlsx(excel, ct), () =>
            {
                excel.Dispose();
                stream.Dispose();
                File.Delete(spooled);
            });
        }
        catch
        {
            File.Delete(spooled);
            throw;
        }
    }

    private static async IAsyncEnumerable<FileRow> ReadXlsx(IExcelDataReader excel, [EnumeratorCancellation] CancellationToken ct)
    {
        var number = 0;
        while (ReadRow(excel))
        {
            ct.ThrowIfCancellationRequested();
            number++;
            var cells = new string?[excel.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = excel.GetValue(i) switch
                {
                    null => null,
                    DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double whole when whole == Math.Floor(whole) && Math.Abs(whole) < 1e15 => whole.ToString("0", CultureInfo.InvariantCulture),
                    IFormattable value => value.ToString(null, CultureInfo.InvariantCulture).Trim(),
                    var value => value.ToString()?.Trim(),
                };
            }
            yield return CellText.Checked(new FileRow(number, cells, null));
            await Task.CompletedTask;
        }
    }

    /// <summary>The next row of the sheet; a sheet that breaks off or holds what a sheet cannot is the file's fault, not ours.</summary>
    private static bool ReadRow(IExcelDataReader excel)
    {
        try
        {
            return excel.Read();
        }
        catch (Exception error) when (error is System.Xml.XmlException or FormatException or OverflowException or IndexOutOfRangeException
                                          or ArgumentException or InvalidDataException or InvalidOperationException)
        {
            throw ImportProblems.Unreadable(new("The sheet of this XLSX workbook cannot be read to the end; save it again from Excel or WPS, or as CSV.",
                "此 XLSX 工作簿的工作表无法完整读取，请用 Excel 或 WPS 重新保存，或另存为 CSV 文件。"));
        }
    }

    /// <summary>Counts what was read, and stops at the size limit with a 413.</summary>
    private sealed class CountingStream(Stream inner, long limit) : ForwardOnlyStream
    {
        public long Count { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Count += read;
            return Count > limit ? throw ImportProblems.LargerThan(limit) : read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
    }

    /// <summary>The sample already read, then the rest of the upload.</summary>
    private sealed class ConcatenatedStream(Stream first, Stream second) : ForwardOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await first.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : await second.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    }
}
