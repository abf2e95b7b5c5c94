using System.IO.Compression;
using System.Security;
using System.Text;

namespace Workforce.Directory.Tests.Imports;

/// <summary>Import files as people make them (CSV in any of the usual encodings, or XLSX), and following their jobs.</summary>
public static class ImportFiles
{
    public const string Header = "姓名,工号,身份证号,手机,部门,岗位,技能等级,入职日期";

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A valid worker row for the header above, in a unit the file names by name, path or id.</summary>
    public static string WorkerRow(string unit, string? name = null, string? employeeNumber = null, string? residentId = null) =>
        $"{name ?? TestIdentity.NewName("张")},{employeeNumber ?? TestIdentity.NewEmployeeNumber()},{residentId ?? TestIdentity.NewResidentId()},{TestIdentity.NewPhone()},{unit},装配工,高级工,2010-07-01";

    public static byte[] Csv(IEnumerable<string> lines, Encoding? encoding = null, bool bom = false)
    {
        var text = string.Join("\r\n", lines) + "\r\n";
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>A minimal XLSX workbook: one sheet, every cell an inline string.</summary>
    public static byte[] Xlsx(IEnumerable<string[]> rows) => XlsxOf(sheet =>
    {
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            sheet.Write($"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                sheet.Write($"<c r=\"{(char)('A' + c)}{r}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(row[c])}</t></is></c>");
            }
            sheet.Write("</row>");
        }
    });

    /// <summary>
    /// A workbook whose sheet data (the inside of sheetData) and shared strings (the inside of sst, if any) the test
    /// writes, streaming, and with as many empty parts besides as it asks: for files no spreadsheet program would make.
    /// </summary>
    public static byte[] XlsxOf(Action<TextWriter> sheetData, Action<TextWriter>? sharedStrings = null, int extraParts = 0)
    {
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, Action<TextWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false), 64 * 1024);
                write(writer);
            }
            var sharedStringsType = sharedStrings is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""";
            Add("[Content_Types].xml", w => w.Write($"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{sharedStringsType}</Types>"""));
            Add("_rels/.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Add("xl/workbook.xml", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="职工" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Add("xl/_rels/workbook.xml.rels", w => w.Write("""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""));
            Add("xl/worksheets/sheet1.xml", w =>
            {
                w.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheetData(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", w =>
                {
                    w.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
            }
            for (var i = 0; i < extraParts; i++)
            {
                zip.CreateEntry($"xl/media/part{i:D6}.bin");
            }
        }
        return file.ToArray();
    }

    /// <summary>Uploads a file and answers the 202 body (the job), or the refusal.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this Caller caller, byte[] file, string query = "mode=skipInvalid", string kind = "workers") =>
        caller.SendAsync(HttpMethod.Post, $"/api/v1/directory/imports/{kind}?{query}", new ByteArrayContent(file));

    /// <summary>Uploads a file and waits for its job to end; returns the finished job.</summary>
    public static async Task<JsonNode> ImportAsync(this Caller caller, byte[] file, string query = "mode=skipInvalid", string kind = "workers")
    {
        var accepted = await (await caller.UploadAsync(file, query, kind)).ExpectJsonAsync(HttpStatusCode.Accepted);
        return await caller.FinishedAsync(accepted.Id());
    }

    public static async Task<int> WorkerCountAsync(this TestEnterprise enterprise) =>
        (await (await enterprise.Client.GetAsync("/api/v1/directory/workers?total=true")).ExpectJsonAsync()).Int("total");

    /// <summary>Follows a job until it completes or fails (within the test kit's patience, so a stuck job fails the test).</summary>
    public static Task<JsonNode> FinishedAsync(this Caller caller, Guid job) =>
        Eventually.ForAsync($"import {job} to finish",
            async () => await (await caller.GetAsync($"/api/v1/directory/imports/{job}")).ExpectJsonAsync(),
            state => state["finished"]!.GetValue<bool>(), state => state.ToJsonString());

    public static async Task<string> RejectedCsvAsync(this Caller caller, JsonNode job)
    {
        var response = await caller.GetAsync(job.Str("rejectedRowsUrl"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    public static int Int(this JsonNode node, string property) => node[property]!.GetValue<int>();
}
