using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.SituationReports;

/// <summary>
/// The small markup of a report's sections, easy to write in a text box: paragraphs separated by a blank line, lines starting
/// with "- " as a list, lines starting with "|" as a table (the first row its head), and {f1} … for the section's figures.
/// </summary>
public static partial class ReportText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static IReadOnlyList<Block> Parse(string text)
    {
        var blocks = new List<Block>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraph = new List<string>();
        void EndParagraph()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new Paragraph(string.Join(' ', paragraph)));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('|'))
            {
                EndParagraph();
                var rows = new List<IReadOnlyList<string>>();
                for (; i < lines.Length && lines[i].Trim().StartsWith('|'); i++)
                {
                    rows.Add(lines[i].Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList());
                }

                i--;
                blocks.Add(new Table(rows));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                EndParagraph();
                var items = new List<string>();
                for (; i < lines.Length && lines[i].Trim().StartsWith("- ", StringComparison.Ordinal); i++)
                {
                    items.Add(lines[i].Trim()[2..]);
                }

                i--;
                blocks.Add(new Bullets(items));
            }
            else if (line.Length == 0)
            {
                EndParagraph();
            }
            else
            {
                paragraph.Add(line);
            }
        }

        EndParagraph();
        return blocks;
    }

    /// <summary>The keys of the figures a text cites ("f1", "f2" …).</summary>
    public static IReadOnlyList<string> Tokens(string text) => Token().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>Splits a line into text and cited figures, for a renderer to write each its own way.</summary>
    public static IEnumerable<(string Text, Figure? Figure)> Runs(string line, IReadOnlyDictionary<string, Figure> figures)
    {
        var at = 0;
        foreach (Match match in Token().Matches(line))
        {
            if (match.Index > at)
            {
                yield return (line[at..match.Index], null);
            }

            yield return figures.TryGetValue(match.Groups[1].Value, out var figure) ? (Format(figure.Value), figure) : (match.Value, null);
            at = match.Index + match.Length;
        }

        if (at < line.Length)
        {
            yield return (line[at..], null);
        }
    }

    public static string Format(long value) => value.ToString("N0", Swedish);

    [GeneratedRegex(@"\{(f\d+)\}")]
    private static partial Regex Token();
}

public abstract record Block;

public sealed record Paragraph(string Text) : Block;

public sealed record Bullets(IReadOnlyList<string> Items) : Block;

public sealed record Table(IReadOnlyList<IReadOnlyList<string>> Rows) : Block;
