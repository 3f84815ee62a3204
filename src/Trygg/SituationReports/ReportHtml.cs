using System.Net;
using System.Text;
using System.Text.Json;

namespace Trygg.SituationReports;

/// <summary>
/// A lägesbild as HTML: each section's text (paragraphs, lists, tables) with every cited figure a link to the incidents behind
/// it, and, for <c>trygg report situation --format html</c>, a whole document with its own print styles.
/// </summary>
public static class ReportHtml
{
    /// <summary>A section's text as HTML; figure links point at <paramref name="linkBase"/> + /incidents?….</summary>
    public static string Section(string text, IReadOnlyList<Figure> figures, string linkBase = "")
    {
        var byKey = figures.ToDictionary(f => f.Key);
        var html = new StringBuilder();
        string Line(string line)
        {
            var runs = new StringBuilder();
            foreach (var (run, figure) in ReportText.Runs(line, byKey))
            {
                runs.Append(figure is null
                    ? Encode(run)
                    : $"<a class=\"figure\" href=\"{Encode($"{linkBase}/incidents?{figure.Filters}")}\" title=\"{Encode(figure.Label)}\" data-query=\"{Encode(figure.Query)}\">{Encode(run)}</a>");
            }

            return runs.ToString();
        }

        foreach (var block in ReportText.Parse(text))
        {
            switch (block)
            {
                case Paragraph paragraph:
                    html.Append("<p>").Append(Line(paragraph.Text)).Append("</p>\n");
                    break;
                case Bullets bullets:
                    html.Append("<ul>").AppendJoin("", bullets.Items.Select(i => $"<li>{Line(i)}</li>")).Append("</ul>\n");
                    break;
                case Table table:
                    html.Append("<div class=\"scroll\"><table class=\"data report-table\"><thead><tr>")
                        .AppendJoin("", table.Rows[0].Select(c => $"<th>{Line(c)}</th>")).Append("</tr></thead><tbody>");
                    foreach (var row in table.Rows.Skip(1))
                    {
                        html.Append("<tr>").AppendJoin("", row.Select(c => $"<td{(IsNumber(c) ? " class=\"number\"" : "")}>{Line(c)}</td>")).Append("</tr>");
                    }

                    html.Append("</tbody></table></div>\n");
                    break;
            }
        }

        return html.ToString();
    }

    /// <summary>The whole report as a standalone HTML document, with the map as a picture and styles for printing.</summary>
    public static string Document(SituationReport report, ReportVisuals visuals, byte[]? mapPng, bool publicOnly, string linkBase)
    {
        var sections = report.Sections.OrderBy(s => s.SortOrder).Where(s => !publicOnly || s.IsPublic).ToList();
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(report.Title)).Append("</title><style>")
            .Append("body{font-family:Calibri,Arial,sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45;color:#222}h1,h2{color:#1f4e8c}")
            .Append("table{border-collapse:collapse;font-size:.85rem}th,td{border-bottom:1px solid #ccc;padding:.2rem .5rem;text-align:left}.number{text-align:right}")
            .Append(".missing{color:#a33;font-style:italic}a.figure{color:inherit;font-weight:600}@media print{a{text-decoration:none;color:inherit}section{break-inside:avoid-page}}")
            .Append("</style></head><body>\n<h1>").Append(Encode(report.Title)).Append("</h1>\n<p>")
            .Append(Encode($"{(publicOnly ? "Offentlig sammanfattning" : "Lägesbild")} · {visuals.AreaName} · {new ReportPeriod(report.From, report.To).Text} · version {report.Version}"))
            .Append("</p>\n<nav><h2>Innehåll</h2><ol>").AppendJoin("", sections.Select(s => $"<li><a href=\"#{s.Key}\">{Encode(s.Title)}</a></li>")).Append("</ol></nav>\n");
        foreach (var section in sections)
        {
            html.Append("<section id=\"").Append(section.Key).Append("\"><h2>").Append(Encode(section.Title)).Append("</h2>\n");
            html.Append(section.Text.Length == 0
                ? $"<p class=\"missing\">{(section.Kind == SectionKind.Perspective ? "Perspektivet saknas." : "Avsnittet är inte skrivet.")}</p>"
                : Section(section.Text, section.ReadFigures(), linkBase));
            if (section.Key == "trend")
            {
                html.Append("<figure>").Append(MonthlyChart(visuals.Months)).Append("<figcaption>Händelser per månad.</figcaption></figure>");
            }

            if (section.Key == "where" && mapPng is not null)
            {
                html.Append("<figure><img alt=\"Karta över händelser per område\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(mapPng)).Append("\"><figcaption>Händelser per område.</figcaption></figure>");
            }

            html.Append("</section>\n");
        }

        return html.Append("<p><small>Källa: polisens händelsenotiser (polisen.se), placerade av Trygg utifrån texten.</small></p></body></html>\n").ToString();
    }

    /// <summary>The monthly series as an SVG bar chart with its month labels and a scale, for the HTML views.</summary>
    public static string MonthlyChart(IReadOnlyList<(string Label, long Count)> months)
    {
        if (months.Count == 0)
        {
            return "";
        }

        const int width = 640, height = 220, left = 36, bottom = 36;
        var max = Math.Max(1, months.Max(m => m.Count));
        var step = (width - left) / (double)months.Count;
        var svg = new StringBuilder($"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<title>Händelser per månad</title>");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = height - bottom - (tick / (double)max * (height - bottom - 10));
            svg.Append(FormattableString.Invariant($"<line x1=\"{left}\" x2=\"{width}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/><text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{tick}</text>"));
        }

        for (var i = 0; i < months.Count; i++)
        {
            var barHeight = months[i].Count / (double)max * (height - bottom - 10);
            var x = left + (i * step) + (step * 0.15);
            svg.Append(FormattableString.Invariant($"<rect x=\"{x:0.#}\" y=\"{height - bottom - barHeight:0.#}\" width=\"{step * 0.7:0.#}\" height=\"{barHeight:0.#}\" fill=\"#1f4e8c\"><title>{Encode(months[i].Label)}: {months[i].Count}</title></rect>"))
                .Append(FormattableString.Invariant($"<text x=\"{x + (step * 0.35):0.#}\" y=\"{height - bottom + 14}\" text-anchor=\"middle\" font-size=\"10\">{Encode(months[i].Label)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static bool IsNumber(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell.StartsWith("{f", StringComparison.Ordinal) || cell == "–");
}
