using Microsoft.Extensions.Options;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>
/// Computes a survey question's weighted share from microdata (one row per respondent) per area × year × group — everyone, each sex,
/// each age band, each other group — for the respondent's area and every area above it. Each cell gets the unweighted n, the weighted
/// share and its 95 % interval on Kish's effective sample size (Korn–Graubard by default); cells below the minimum n are withheld.
/// Respondents are read and summed, never stored. One refused row refuses the file; a dry run computes and counts only.
/// </summary>
public sealed class SurveyMicrodataImporter(AppDbContext db, SurveyStore store, IOptions<SurveyOptions> options, TimeProvider time)
{
    public const string Kind = "mikrodata";

    public async Task<SurveyImportResult> ImportAsync(TabularFile file, SurveyMicrodataMapping mapping, SurveyImportRun run, CancellationToken cancellationToken = default)
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

        int Column(string? name) => string.IsNullOrWhiteSpace(name) ? -1 : file.Columns.ToList().IndexOf(name);
        int area = Column(mapping.Area), year = Column(mapping.Year), sex = Column(mapping.Sex), age = Column(mapping.Age),
            group = Column(mapping.Group), weight = Column(mapping.Weight), question = Column(mapping.Question);
        var bands = SurveyGroups.ParseBands(mapping.AgeBands, out _)!;
        var counted = new HashSet<string>(mapping.Answers.Select(a => a.Trim()).Where(a => a.Length > 0), StringComparer.OrdinalIgnoreCase);
        var areas = await SurveyAreas.LoadAsync(db, cancellationToken);
        var thisYear = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime).Year;
        var source = mapping.Source.Trim();
        var code = SurveyIndicator.CodeFor(source, mapping.IndicatorName);
        var sums = new Dictionary<(string Area, string Period, string Sex, string AgeBand, string Group), WeightedSums>();
        var unanswered = 0;
        var read = SurveyRows.Read(file, areas, thisYear, area, year, rejected, row =>
        {
            var w = 1.0;
            if (weight >= 0 && (!FieldParsers.TryParseNumber(row.Value(weight), out w) || w <= 0 || double.IsInfinity(w)))
            {
                rejected.Add(row.Line, row.Value(weight) is { } written ? $"Vikten '{written}' ska vara ett tal större än 0." : "Vikten saknas.");
                return;
            }

            var respondentSex = sex >= 0 ? SurveyGroups.Sex(row.Value(sex)) : "";
            if (respondentSex is null)
            {
                rejected.Add(row.Line, $"Könet '{row.Value(sex)}' känns inte igen; skriv kvinna, man eller annat (eller lämna tomt).");
                return;
            }

            var band = "";
            if (age >= 0 && row.Value(age) is { } ageText)
            {
                if (!FieldParsers.TryParseNumber(ageText, out var years) || years != Math.Floor(years) || years is < 0 or > 120)
                {
                    rejected.Add(row.Line, $"Åldern '{ageText}' ska vara ett helt antal år.");
                    return;
                }

                band = bands.FirstOrDefault(b => years >= b.From && (b.To is not { } to || years <= to)).Name ?? "";
            }

            var otherGroup = row.Value(group) ?? "";
            if (otherGroup.Length > 100)
            {
                rejected.Add(row.Line, "Gruppens namn är längre än 100 tecken.");
                return;
            }

            if (row.Value(question) is not { } answer)
            {
                unanswered++;
                return;
            }

            var yes = counted.Contains(answer) ? w : 0;
            foreach (var place in SelfAndAncestors(areas.Directory, row.AreaCode))
            {
                Add(sums, (place, row.Period, "", "", ""), w, yes);
                if (respondentSex.Length > 0)
                {
                    Add(sums, (place, row.Period, respondentSex, "", ""), w, yes);
                }

                if (band.Length > 0)
                {
                    Add(sums, (place, row.Period, "", band, ""), w, yes);
                }

                if (otherGroup.Length > 0)
                {
                    Add(sums, (place, row.Period, "", "", otherGroup), w, yes);
                }
            }
        });

        var cells = sums.OrderBy(s => s.Key.Area, StringComparer.Ordinal).ThenBy(s => s.Key.Period, StringComparer.Ordinal)
            .ThenBy(s => (s.Key.Sex, s.Key.AgeBand, s.Key.Group))
            .Select(s => Cell(code, s.Key, s.Value, mapping.Method))
            .ToList();
        var indicator = new SurveyIndicator(
            code, mapping.IndicatorName, $"Viktad andel som svarat {string.Join(" eller ", counted.Select(a => $"”{a}”"))} på frågan ”{mapping.Question}”, av dem som besvarat frågan.",
            source, mapping.HigherIsBetter);
        var result = await store.WriteAsync(source, Kind, run, started, read, rejected, cells.Count == 0 ? [] : [indicator],
            SurveySuppression.Apply(cells, options.Value.MinimumN), cancellationToken);
        return result with { Unanswered = unanswered };
    }

    private static SurveyCell Cell(string code, (string Area, string Period, string Sex, string AgeBand, string Group) key, WeightedSums sums, SurveyIntervalMethod method)
    {
        var share = Math.Min(1, sums.Yes / sums.Weight);
        var effectiveN = sums.Weight * sums.Weight / sums.Squares;
        var (low, high) = method == SurveyIntervalMethod.Wilson ? Proportions.Wilson(share, effectiveN) : Proportions.KornGraubard(share, effectiveN);
        return new SurveyCell(code, key.Area, key.Period, key.Sex, key.AgeBand, key.Group, share * 100, sums.Count, low * 100, high * 100, Suppressed: false);
    }

    private static void Add(Dictionary<(string, string, string, string, string), WeightedSums> sums, (string, string, string, string, string) key, double weight, double yes)
    {
        var current = sums.GetValueOrDefault(key);
        sums[key] = new WeightedSums(current.Count + 1, current.Weight + weight, current.Squares + (weight * weight), current.Yes + yes);
    }

    /// <summary>A respondent in Rinkeby also counts for Järva and for the municipality.</summary>
    private static IEnumerable<string> SelfAndAncestors(AreaDirectory directory, string areaCode)
    {
        for (var area = directory.Find(areaCode); area is not null; area = directory.Find(area.ParentId))
        {
            yield return area.Code;
        }
    }

    private readonly record struct WeightedSums(int Count, double Weight, double Squares, double Yes);
}
