using System.Text;
using ExcelDataReader;

namespace Workforce.TestKit;

/// <summary>Reads an XLSX workbook back as a spreadsheet program would: each sheet by name, each row's cells (strings, doubles, bools, nulls).</summary>
public static class Workbook
{
    static Workbook() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Dictionary<string, List<object?[]>> Read(byte[] file)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(file));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).Select(c => c is DBNull ? null : c).ToArray());
            }
            sheets.Add(reader.Name, rows);
        }
        while (reader.NextResult());
        return sheets;
    }
}
