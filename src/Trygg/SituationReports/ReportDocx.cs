using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using NetTopologySuite.Geometries;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Trygg.Documents;
using static Trygg.Documents.Docx;

namespace Trygg.SituationReports;

/// <summary>
/// A lägesbild as a Word document (Office Open XML) that Word and LibreOffice open: title, table of contents, a heading per
/// section, its text and tables, the monthly series as a native chart (editable in Word), the areas as a map picture with a
/// legend, weekday × hour as a shaded table, captions and sources. The public summary leaves out sections that are not public.
/// </summary>
public static class ReportDocx
{
    private const long EmuPerPixel = 9525;
    private static readonly string[] MapColours = ["F7F7F7", "FDD0A2", "FD8D3C", "D94801", "7F2704"];

    public static byte[] Write(SituationReport report, ReportVisuals visuals, bool publicOnly) =>
        Docx.Write(report.Title, updateFieldsOnOpen: true, (main, body) =>
        {
            var sections = report.Sections.OrderBy(s => s.SortOrder).Where(s => !publicOnly || s.IsPublic).ToList();
            body.Append(Paragraph(report.Title, "Title"));
            var period = new ReportPeriod(report.From, report.To);
            body.Append(Paragraph($"{(publicOnly ? "Offentlig sammanfattning" : "Lägesbild")} · {visuals.AreaName} · {period.Text} · jämförelse med {new ReportPeriod(report.ComparisonFrom, report.ComparisonTo).Text}", "Subtitle"));
            body.Append(Paragraph(report.Status == SituationReportStatus.Adopted
                ? $"Version {report.Version}, antagen av {report.Committee} {report.AdoptedOn?.ToString("d MMMM yyyy", Swedish)}, dnr {report.DiaryNumber}."
                : $"Version {report.Version}, {(report.Status == SituationReportStatus.InReview ? "på granskning" : "utkast")}: ej antagen."));
            body.Append(TableOfContents(sections));

            var figureNumber = 0;
            foreach (var section in sections)
            {
                body.Append(Paragraph(section.Title, "Heading1"));
                if (section.Text.Length == 0)
                {
                    body.Append(Paragraph(section.Kind == SectionKind.Perspective ? "Perspektivet saknas." : "Avsnittet är inte skrivet.", "Missing"));
                    continue;
                }

                var figures = section.ReadFigures().ToDictionary(f => f.Key);
                foreach (var block in ReportText.Parse(section.Text))
                {
                    body.Append(block switch
                    {
                        Paragraph p => [Paragraph(Runs(p.Text, figures))],
                        Bullets b => b.Items.Select(item => Paragraph(Runs("• " + item, figures), "ListParagraph")).ToArray<OpenXmlElement>(),
                        Table t => [DataTable(t, figures)],
                        _ => [],
                    });
                }

                switch (section.Key)
                {
                    case "trend" when visuals.Months.Count > 0:
                        body.Append(ChartParagraph(main, visuals));
                        body.Append(Paragraph($"Figur {++figureNumber}. Händelser per månad i {visuals.AreaName}. Källa: polisens händelsenotiser.", "Caption"));
                        break;
                    case "where" when visuals.Map.Count > 0:
                        body.Append(MapParagraph(main, visuals, ++figureNumber));
                        body.Append(Paragraph($"Figur {figureNumber}. Händelser per område i {visuals.AreaName}, {period.Text}. Källa: polisens händelsenotiser; områden: Stockholms stad (CC0).", "Caption"));
                        body.Append(Legend(visuals));
                        break;
                    case "when" when visuals.WeekdayHour.Sum() > 0:
                        body.Append(HeatTable(visuals.WeekdayHour));
                        body.Append(Paragraph($"Tabell. Händelser per veckodag och timme i {visuals.AreaName}, {period.Text}. Mörkare är fler.", "Caption"));
                        break;
                }
            }

            body.Append(Paragraph("Källa: polisens händelsenotiser (polisen.se), placerade av Trygg utifrån texten. Talen i texten kommer från sparade frågor som kan öppnas i Trygg.", "Caption"));
        });

    private static IEnumerable<Run> Runs(string line, IReadOnlyDictionary<string, Figure> figures) =>
        ReportText.Runs(line, figures).Select(r => Docx.Run(r.Text));

    /// <summary>A TOC field that Word refreshes on opening (with page numbers); its entries are written in too, for readers that do not.</summary>
    private static SdtBlock TableOfContents(List<SituationReportSection> sections)
    {
        var content = new SdtContentBlock(Paragraph("Innehåll", "TOCHeading"));
        var first = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text(sections[0].Title)));
        content.Append(first);
        foreach (var section in sections.Skip(1))
        {
            content.Append(Paragraph(section.Title, "TOC1"));
        }

        content.Append(new W.Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return new SdtBlock(new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())), content);
    }

    private static W.Table DataTable(Table table, IReadOnlyDictionary<string, Figure> figures) =>
        Docx.Table(table.Rows.Select(row => (IReadOnlyList<IEnumerable<Run>>)row.Select(cell => Runs(cell, figures)).ToList()).ToList());

    /// <summary>Weekday × hour with hours as rows, so that the seven days fit across a portrait page.</summary>
    private static W.Table HeatTable(IReadOnlyList<long> counts)
    {
        var table = new W.Table(new TableProperties(new TableStyle { Val = "TryggTable" }, new TableWidth { Width = "3000", Type = TableWidthUnitValues.Pct }), Grid(8, 5600));
        var head = new TableRow(new TableCell(Paragraph("", "TableHead")));
        for (var day = 0; day < 7; day++)
        {
            head.Append(new TableCell(Paragraph(Swedish.DateTimeFormat.GetAbbreviatedDayName((DayOfWeek)((day + 1) % 7)), "TableHead")));
        }

        table.Append(head);
        var max = Math.Max(1, counts.Max());
        for (var hour = 0; hour < 24; hour++)
        {
            var row = new TableRow(new TableCell(Paragraph($"{hour:00}–{hour + 1:00}", "TableHead")));
            for (var day = 0; day < 7; day++)
            {
                var count = counts[(day * 24) + hour];
                var shade = (int)Math.Round(255 - (count / (double)max * 180));
                var fill = count == 0 ? "FFFFFF" : $"FF{shade:X2}{Math.Max(0, shade - 60):X2}";
                row.Append(new TableCell(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = fill, Color = "auto" }),
                    Paragraph(count == 0 ? "" : count.ToString(CultureInfo.InvariantCulture), "TableText")));
            }

            table.Append(row);
        }

        return table;
    }

    private static W.Table Legend(ReportVisuals visuals)
    {
        var table = new W.Table(new TableProperties(new TableStyle { Val = "TryggTable" }), new TableGrid(new GridColumn { Width = "400" }, new GridColumn { Width = "3000" }));
        foreach (var (label, colour) in visuals.LegendClasses())
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = "400", Type = TableWidthUnitValues.Dxa }, new Shading { Val = ShadingPatternValues.Clear, Fill = MapColours[colour], Color = "auto" }), Paragraph("", "TableText")),
                new TableCell(Paragraph(label, "TableText"))));
        }

        return table;
    }

    private static W.Paragraph ChartParagraph(MainDocumentPart main, ReportVisuals visuals)
    {
        var chart = main.AddNewPart<ChartPart>();
        var n = (uint)visuals.Months.Count;
        var categories = new C.StringLiteral(new C.PointCount { Val = n });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = n });
        foreach (var (month, index) in visuals.Months.Select((m, i) => (m, (uint)i)))
        {
            categories.Append(new C.StringPoint(new C.NumericValue(month.Label)) { Index = index });
            values.Append(new C.NumericPoint(new C.NumericValue(month.Count.ToString(CultureInfo.InvariantCulture))) { Index = index });
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0 }, new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue("Händelser")),
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "1F4E8C" })),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(categories), new C.Values(values));
        chart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "sv-SE" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.AutoTitleDeleted { Val = true },
                new C.PlotArea(
                    new C.Layout(),
                    new C.BarChart(new C.BarDirection { Val = C.BarDirectionValues.Column }, new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                        new C.VaryColors { Val = false }, series, new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 }),
                    new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 2 }, new C.Crosses { Val = C.CrossesValues.AutoZero },
                        new C.AutoLabeled { Val = true }, new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
                    new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                        new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(), new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                        new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                        new C.CrossingAxis { Val = 1 }, new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between })),
                new C.PlotVisibleOnly { Val = true }));

        var inline = new DW.Inline(
            new DW.Extent { Cx = 600 * EmuPerPixel, Cy = 300 * EmuPerPixel },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1, Name = "Händelser per månad" },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(chart) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new W.Paragraph(new Run(new Drawing(inline)));
    }

    /// <summary>The areas coloured by their counts (the legend's classes), outlined, north up, as a PNG.</summary>
    public static byte[] MapPng(ReportVisuals visuals, int width = 600, int height = 450)
    {
        var canvas = new PngCanvas(width, height, (255, 255, 255));
        var box = new GeometryCollection(visuals.Map.Select(m => m.Shape).ToArray()).EnvelopeInternal;
        var scale = Math.Min((width - 20) / box.Width, (height - 20) / box.Height);
        Geometry ToPixels(Geometry shape)
        {
            var copy = shape.Copy();
            copy.Apply(new PixelFilter(box, scale, width, height));
            copy.GeometryChanged();
            return copy;
        }

        foreach (var area in visuals.Map)
        {
            var colour = MapColours[visuals.ClassOf(area.Count)];
            canvas.Fill(ToPixels(area.Shape), (Convert.ToByte(colour[..2], 16), Convert.ToByte(colour[2..4], 16), Convert.ToByte(colour[4..], 16)));
        }

        foreach (var area in visuals.Map)
        {
            canvas.Outline(ToPixels(area.Shape), (80, 80, 80));
        }

        return canvas.ToPng();
    }

    private static W.Paragraph MapParagraph(MainDocumentPart main, ReportVisuals visuals, int number)
    {
        const int width = 600, height = 450;
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(MapPng(visuals, width, height)))
        {
            image.FeedData(png);
        }

        var id = main.GetIdOfPart(image);
        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = "karta.png" }, new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width * EmuPerPixel, Cy = height * EmuPerPixel }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new DW.Inline(
            new DW.Extent { Cx = width * EmuPerPixel, Cy = height * EmuPerPixel },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)(100 + number), Name = $"Karta {number}", Description = $"Karta över händelser per område i {visuals.AreaName}" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new W.Paragraph(new Run(new Drawing(inline)));
    }

    /// <summary>SWEREF 99 TM metres to pixels: north up, the shapes' box fitted into the picture with a margin.</summary>
    private sealed class PixelFilter(Envelope box, double scale, int width, int height) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            var (offsetX, offsetY) = ((width - (box.Width * scale)) / 2, (height - (box.Height * scale)) / 2);
            for (var i = 0; i < sequence.Count; i++)
            {
                sequence.SetX(i, offsetX + ((sequence.GetX(i) - box.MinX) * scale));
                sequence.SetY(i, offsetY + ((box.MaxY - sequence.GetY(i)) * scale));
            }
        }
    }
}

/// <summary>What a report's pictures show: the monthly series, the areas with their counts, and weekday × hour.</summary>
public sealed record ReportVisuals(string AreaName, IReadOnlyList<(string Label, long Count)> Months, IReadOnlyList<(string Name, Geometry Shape, long Count)> Map, IReadOnlyList<long> WeekdayHour)
{
    private static readonly double[] Quartiles = [0.25, 0.5, 0.75];

    /// <summary>Class edges from the quartiles of the positive counts, without repeats (as on the Karta page).</summary>
    public IReadOnlyList<long> Edges
    {
        get
        {
            var sorted = Map.Select(m => m.Count).Where(c => c > 0).Order().ToList();
            if (sorted.Count == 0)
            {
                return [];
            }

            return Quartiles.Select(q => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))]).Distinct().Where(e => e < sorted[^1]).ToList();
        }
    }

    /// <summary>0 for none, then 1 … 4 spread over the classes there are.</summary>
    public int ClassOf(long count)
    {
        if (count <= 0)
        {
            return 0;
        }

        var edges = Edges;
        var k = edges.TakeWhile(e => count > e).Count() + 1;
        return (int)Math.Round(1 + ((k - 1) * 3.0 / Math.Max(1, edges.Count)));
    }

    public IEnumerable<(string Label, int Colour)> LegendClasses()
    {
        var edges = Edges;
        yield return ("0 händelser", 0);
        long low = 1;
        foreach (var edge in edges)
        {
            yield return (low == edge ? $"{edge}" : $"{low}–{edge}", ClassOf(edge));
            low = edge + 1;
        }

        if (Map.Any(m => m.Count > 0))
        {
            yield return (edges.Count == 0 ? $"{low} eller fler" : $"fler än {edges[^1]}", ClassOf(long.MaxValue));
        }
    }
}
