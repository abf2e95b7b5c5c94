using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Workforce.BuildingBlocks.Files;

/// <summary>
/// A worksheet: its name and its rows. A cell is a string (written as an inline string, never a formula), a number
/// (written as a number), a bool, or null (left empty); anything else is written as its text. The first
/// <paramref name="HeaderRows"/> rows are bold and stay in view when scrolling.
/// </summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows, int HeaderRows = 1);

/// <summary>
/// The smallest Office Open XML workbook Excel, LibreOffice and WPS open without complaint: one part per sheet with
/// inline strings, a stylesheet with a bold header style, and column widths guessed from the content.
/// </summary>
public static partial class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const int MaxSheetName = 31;

    private static readonly XmlWriterSettings Xml = new() { Encoding = new UTF8Encoding(false) };

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var file = new MemoryStream();
        Write(file, sheets);
        return file.ToArray();
    }

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }
        var names = SheetNames(sheets);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", xml =>
        {
            xml.WriteStartElement("Types", ContentTypes);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
            Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
            for (var i = 1; i <= sheets.Count; i++)
            {
                Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            }
        });
        Part(zip, "_rels/.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        });
        Part(zip, "xl/workbook.xml", xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets", Main);
            for (var i = 1; i <= sheets.Count; i++)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", names[i - 1]);
                xml.WriteAttributeString("sheetId", Number(i));
                xml.WriteAttributeString("id", Relationships, $"rId{i}");
                xml.WriteEndElement();
            }
        });
        Part(zip, "xl/_rels/workbook.xml.rels", xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 1; i <= sheets.Count; i++)
            {
                Relationship(xml, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
            }
            Relationship(xml, $"rId{sheets.Count + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        });
        Part(zip, "xl/styles.xml", Styles);
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = sheets[i];
            Part(zip, $"xl/worksheets/sheet{i + 1}.xml", xml => Sheet(xml, sheet));
        }
    }

    private static void Sheet(XmlWriter xml, XlsxSheet sheet)
    {
        xml.WriteStartElement("worksheet", Main);
        var header = Math.Clamp(sheet.HeaderRows, 0, sheet.Rows.Count);
        if (header > 0)
        {
            xml.WriteStartElement("sheetViews", Main);
            xml.WriteStartElement("sheetView", Main);
            xml.WriteAttributeString("workbookViewId", "0");
            Empty(xml, "pane", Main, ("ySplit", Number(header)), ("topLeftCell", $"A{header + 1}"), ("activePane", "bottomLeft"), ("state", "frozen"));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        var widths = ColumnWidths(sheet.Rows);
        if (widths.Count > 0)
        {
            xml.WriteStartElement("cols", Main);
            for (var c = 0; c < widths.Count; c++)
            {
                Empty(xml, "col", Main, ("min", Number(c + 1)), ("max", Number(c + 1)), ("width", Number(widths[c])), ("customWidth", "1"));
            }
            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetData", Main);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            xml.WriteStartElement("row", Main);
            xml.WriteAttributeString("r", Number(r + 1));
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Count; c++)
            {
                if (row[c] is { } value)
                {
                    Cell(xml, $"{ColumnName(c)}{r + 1}", value, bold: r < header);
                }
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Cell(XmlWriter xml, string reference, object value, bool bold)
    {
        xml.WriteStartElement("c", Main);
        xml.WriteAttributeString("r", reference);
        if (bold)
        {
            xml.WriteAttributeString("s", "1");
        }
        switch (value)
        {
            case bool flag:
                xml.WriteAttributeString("t", "b");
                xml.WriteElementString("v", Main, flag ? "1" : "0");
                break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                xml.WriteElementString("v", Main, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                xml.WriteElementString("v", Main, Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                var text = Text(value);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                }
                xml.WriteString(EscapeLookalikes(text));
                xml.WriteEndElement();
                xml.WriteEndElement();
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>The text of a cell, without the characters XML cannot carry (control characters, lone surrogates).</summary>
    private static string Text(object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }
        return clean.ToString();
    }

    /// <summary>
    /// Spreadsheet programs read <c>_xHHHH_</c> in a cell's text as the character HHHH (ECMA-376 22.4.2.4), so text that
    /// holds one literally has its underscore escaped: <c>_x005F_</c>.
    /// </summary>
    private static string EscapeLookalikes(string text) => EscapeSequence().Replace(text, "_x005F_");

    [GeneratedRegex("_(?=x[0-9A-Fa-f]{4}_)")]
    private static partial Regex EscapeSequence();

    /// <summary>Wide enough for the longest cell of each column (a CJK character takes two), within reason.</summary>
    private static List<double> ColumnWidths(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        var widths = new List<double>();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                var text = row[c] is { } value ? Text(value) : "";
                var width = Math.Clamp(text.Sum(ch => ch >= 0x2E80 ? 2 : 1) + 2, 8, 60);
                if (c == widths.Count)
                {
                    widths.Add(width);
                }
                else
                {
                    widths[c] = Math.Max(widths[c], width);
                }
            }
        }
        return widths;
    }

    /// <summary>Names Excel accepts: at most 31 characters, none of : \ / ? * [ ], not blank, each once.</summary>
    private static List<string> SheetNames(IReadOnlyList<XlsxSheet> sheets)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        for (var i = 0; i < sheets.Count; i++)
        {
            var name = new string(Text(sheets[i].Name).Select(ch => ch is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '_' : ch).ToArray()).Trim().Trim('\'');
            name = name.Length == 0 ? $"Sheet{i + 1}" : name[..Math.Min(name.Length, MaxSheetName)];
            for (var n = 2; !taken.Add(name); n++)
            {
                var suffix = $" ({n})";
                name = name[..Math.Min(name.Length, MaxSheetName - suffix.Length)] + suffix;
            }
            names.Add(name);
        }
        return names;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private static void Styles(XmlWriter xml)
    {
        xml.WriteStartElement("styleSheet", Main);
        xml.WriteStartElement("fonts", Main);
        xml.WriteAttributeString("count", "2");
        Empty(xml, "font", Main);
        xml.WriteStartElement("font", Main);
        Empty(xml, "b", Main);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("fills", Main);
        xml.WriteAttributeString("count", "2");
        foreach (var pattern in new[] { "none", "gray125" })
        {
            xml.WriteStartElement("fill", Main);
            Empty(xml, "patternFill", Main, ("patternType", pattern));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("borders", Main);
        xml.WriteAttributeString("count", "1");
        Empty(xml, "border", Main);
        xml.WriteEndElement();
        xml.WriteStartElement("cellStyleXfs", Main);
        xml.WriteAttributeString("count", "1");
        Xf(xml, font: 0);
        xml.WriteEndElement();
        xml.WriteStartElement("cellXfs", Main);
        xml.WriteAttributeString("count", "2");
        Xf(xml, font: 0);
        Xf(xml, font: 1);
        xml.WriteEndElement();
    }

    private static void Xf(XmlWriter xml, int font) =>
        Empty(xml, "xf", Main, ("numFmtId", "0"), ("fontId", Number(font)), ("fillId", "0"), ("borderId", "0"), ("applyFont", "1"));

    private static void Part(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, Xml);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Empty(XmlWriter xml, string name, string ns, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, ns);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }
        xml.WriteEndElement();
    }

    private static void Default(XmlWriter xml, string extension, string contentType) =>
        Empty(xml, "Default", ContentTypes, ("Extension", extension), ("ContentType", contentType));

    private static void Override(XmlWriter xml, string part, string contentType) =>
        Empty(xml, "Override", ContentTypes, ("PartName", part), ("ContentType", contentType));

    private static void Relationship(XmlWriter xml, string id, string type, string target) =>
        Empty(xml, "Relationship", PackageRelationships, ("Id", id), ("Type", type), ("Target", target));

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
