using System.Globalization;
using Microsoft.Extensions.Options;
using Trygg.Data;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>
/// Imports aggregated survey tables (Trygghetsmätningen, Stockholmsenkäten, a school survey's report tables) through a column mapping:
/// each question becomes a share indicator, each row one observation with Wilson's 95 % interval, cells below the minimum n are
/// withheld. Every row is checked; one refused row refuses the file; a dry run checks, computes and counts only.
/// </summary>
public sealed class SurveyImporter(AppDbContext db, SurveyStore store, IOptions<SurveyOptions> options, TimeProvider time)
{
    public const string Kind = "enkät";

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>What tables write for a share the source itself withheld.</summary>
    private static readonly HashSet<string> Withheld = new(["..", "…", "–", "-", "x", "*"], StringComparer.OrdinalIgnoreCase);

    public async Task<SurveyImportResult> ImportAsync(TabularFile file, SurveyFileMapping mapping, SurveyImportRun run, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var rejected = new RejectionLog();
        foreach (var problem in mapping.Problems(file.Columns))
        {
            rejected.Add(0, problem);
        }

        if (rejected.Count > 0)
        {
            return await store.WriteAsync(mapping.Source, Kind, run, started, 0, rejected, [], [], cancellationToken);
        }

        int Column(string? name) => name is null ? -1 : file.Columns.ToList().IndexOf(name);
        int area = Column(mapping.Area), year = Column(mapping.Year), question = Column(mapping.Question), answer = Column(mapping.Answer),
            share = Column(mapping.Share), group = Column(mapping.Group), n = Column(mapping.N);
        var areas = await SurveyAreas.LoadAsync(db, cancellationToken);
        var source = mapping.Source.Trim();
        var thisYear = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime).Year;
        var indicators = new Dictionary<string, SurveyIndicator>();
        var cells = new List<SurveyCell>();
        var lines = new Dictionary<(string, string, string, string, string, string), int>();
        var read = SurveyRows.Read(file, areas, thisYear, area, year, rejected, row =>
        {
            var questionText = row.Value(question);
            if (questionText is null)
            {
                rejected.Add(row.Line, "Frågan saknas.");
                return;
            }

            if (SurveyGroups.Classify(row.Value(group), out var groupError) is not { } whom)
            {
                rejected.Add(row.Line, groupError!);
                return;
            }

            if (!TryParseN(row.Value(n), out var respondents, out var nError))
            {
                rejected.Add(row.Line, nError!);
                return;
            }

            var shareText = row.Value(share)?.TrimEnd('%').Trim();
            double? percent = null;
            if (shareText is null)
            {
                rejected.Add(row.Line, "Andelen saknas. Skriv den i procent, t.ex. 23,5, eller .. om källan har utelämnat den.");
                return;
            }

            if (!Withheld.Contains(shareText))
            {
                if (!FieldParsers.TryParseNumber(shareText, out var parsed))
                {
                    rejected.Add(row.Line, $"Andelen '{row.Value(share)}' kan inte tolkas som procent.");
                    return;
                }

                if (parsed is < 0 or > 100)
                {
                    rejected.Add(row.Line, $"Andelen {parsed.ToString(Swedish)} % ligger utanför 0–100 %.");
                    return;
                }

                percent = parsed;
            }

            var answerText = row.Value(answer);
            var name = answerText is null ? questionText : $"{questionText}: {answerText}";
            var code = SurveyIndicator.CodeFor(source, name);
            indicators.TryAdd(code, new SurveyIndicator(
                code, Shorten(name), answerText is null ? $"Andel i procent: {questionText}" : $"Andel som svarat ”{answerText}” på frågan ”{questionText}”.",
                source, mapping.HigherIsBetter));

            var (low, high) = percent is { } p ? Proportions.Wilson(p / 100, respondents) : (double.NaN, double.NaN);
            var cell = new SurveyCell(code, row.AreaCode, row.Period, whom.Sex, whom.AgeBand, whom.Group, percent, respondents,
                percent is null ? null : low * 100, percent is null ? null : high * 100, Suppressed: percent is null);
            if (lines.TryGetValue(cell.Key, out var first))
            {
                rejected.Add(row.Line, $"Samma område, år, fråga och grupp står redan på rad {first}.");
                return;
            }

            lines[cell.Key] = row.Line;
            cells.Add(cell);
        });

        var stored = SurveySuppression.Apply(cells, options.Value.MinimumN);
        return await store.WriteAsync(source, Kind, run, started, read, rejected, [.. indicators.Values], stored, cancellationToken);
    }

    private static bool TryParseN(string? text, out int n, out string? error)
    {
        n = 0;
        error = null;
        if (text is null)
        {
            error = "Antalet svarande (n) saknas.";
        }
        else if (!FieldParsers.TryParseNumber(text, out var value) || value != Math.Floor(value) || value > int.MaxValue)
        {
            error = $"Antalet svarande '{text}' är inget heltal.";
        }
        else if (value < 1)
        {
            error = $"Antalet svarande ska vara minst 1, inte {value.ToString(CultureInfo.InvariantCulture)}.";
        }
        else
        {
            n = (int)value;
        }

        return error is null;
    }

    private static string Shorten(string name) => name.Length <= 300 ? name : name[..299] + "…";
}
