using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Trygg.Documents;

/// <summary>
/// What every Word document of Trygg shares, so that the lägesbild, the tertial reports and the orsaksanalys look alike and
/// each writer only says what it holds: an A4 Swedish document with Trygg's styles, paragraphs, tables with a repeated head row,
/// and indented lines for trees.
/// </summary>
internal static class Docx
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Writes a document: styles (Trygg's and <paramref name="extraStyles"/>), the body that <paramref name="content"/> fills,
    /// A4 with 2.2 cm margins. <paramref name="updateFieldsOnOpen"/> makes Word refresh a table of contents, at the price of a question when opening.
    /// </summary>
    public static byte[] Write(string title, bool updateFieldsOnOpen, Action<MainDocumentPart, Body> content, params Style[] extraStyles)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, extraStyles);
            if (updateFieldsOnOpen)
            {
                var settings = main.AddNewPart<DocumentSettingsPart>();
                settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            }

            var body = new Body();
            main.Document = new Document(body);
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "sv-SE";
            content(main, body);
            body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1247, Right = 1247, Header = 567, Footer = 567, Gutter = 0 }));
        }

        return buffer.ToArray();
    }

    public static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static W.Paragraph Paragraph(string text, string? style = null) => Paragraph([Run(text)], style);

    public static W.Paragraph Paragraph(IEnumerable<Run> runs, string? style = null)
    {
        var paragraph = new W.Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(runs);
        return paragraph;
    }

    /// <summary>A line of a tree: indented 0.6 cm per level below the root.</summary>
    public static W.Paragraph Indented(string text, int level, string style = "ListParagraph") =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }, new Indentation { Left = (level * 340).ToString(CultureInfo.InvariantCulture) }), Run(text));

    /// <summary>A table over the text width whose first row is the head, repeated on each page; <paramref name="fill"/> may shade a body cell (row, column) with a hex colour.</summary>
    public static W.Table Table(IReadOnlyList<IReadOnlyList<string>> rows, Func<int, int, string?>? fill = null) =>
        Table(rows.Select(r => (IReadOnlyList<IEnumerable<Run>>)r.Select(cell => new[] { Run(cell) }).ToList()).ToList(), fill);

    /// <inheritdoc cref="Table(IReadOnlyList{IReadOnlyList{string}}, Func{int, int, string?}?)"/>
    public static W.Table Table(IReadOnlyList<IReadOnlyList<IEnumerable<Run>>> rows, Func<int, int, string?>? fill = null)
    {
        var result = new W.Table(new TableProperties(new TableStyle { Val = "TryggTable" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), Grid(rows[0].Count, 9400));
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            var tableRow = new TableRow();
            if (index == 0)
            {
                tableRow.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var (cell, column) in row.Select((c, i) => (c, i)))
            {
                var properties = new TableCellProperties();
                if ((index == 0 ? "E8EEF5" : fill?.Invoke(index, column)) is { } colour)
                {
                    properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = colour, Color = "auto" });
                }

                tableRow.Append(new TableCell(properties, Paragraph(cell, index == 0 ? "TableHead" : "TableText")));
            }

            result.Append(tableRow);
        }

        return result;
    }

    /// <summary>Equal columns over the text width (in twentieths of a point).</summary>
    public static TableGrid Grid(int columns, int width) =>
        new(Enumerable.Range(0, Math.Max(1, columns)).Select(_ => new GridColumn { Width = (width / Math.Max(1, columns)).ToString(CultureInfo.InvariantCulture) }));

    /// <summary>A paragraph style in Trygg's font; headings keep with the next paragraph and carry their outline level (for the table of contents).</summary>
    public static Style ParagraphStyle(string id, string name, int size, bool bold = false, string colour = "000000", int before = 0, int after = 120, bool italic = false, int? outline = null)
    {
        // Child order as the schema wants it: rFonts, b, i, color, sz; keepNext, spacing, outlineLvl.
        var run = new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        run.Append(new Color { Val = colour }, new FontSize { Val = (size * 2).ToString(CultureInfo.InvariantCulture) });
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }

        paragraph.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static void AddStyles(MainDocumentPart main, IEnumerable<Style> extraStyles)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var normal = ParagraphStyle("Normal", "Normal", 11);
        normal.Default = true;
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = "sv-SE" }))),
            normal,
            ParagraphStyle("Title", "Title", 24, bold: true, colour: "1F4E8C", after: 60),
            ParagraphStyle("Subtitle", "Subtitle", 12, colour: "555555", after: 240),
            ParagraphStyle("Heading1", "heading 1", 16, bold: true, colour: "1F4E8C", before: 360, after: 120, outline: 0),
            ParagraphStyle("TOCHeading", "TOC Heading", 14, bold: true, colour: "1F4E8C", before: 240),
            ParagraphStyle("TOC1", "toc 1", 11, after: 40),
            ParagraphStyle("Caption", "caption", 9, colour: "555555", before: 60, after: 200, italic: true),
            ParagraphStyle("Missing", "Saknas", 11, colour: "A33333", italic: true),
            ParagraphStyle("ListParagraph", "List Paragraph", 11, after: 60),
            ParagraphStyle("TableHead", "Tabellhuvud", 9, bold: true, after: 0),
            ParagraphStyle("TableText", "Tabelltext", 9, after: 0),
            new Style(new StyleName { Val = "Trygg Table" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" }, new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TryggTable" });
        styles.Styles.Append(extraStyles);
    }
}
