using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.FollowUp;

/// <summary>
/// Stored effect evaluations of measures: a suggested setup (treated, buffer and control areas, equal before and after
/// periods) with the reasons for it, saving one whole or not at all with Swedish messages per field, counting again on newer
/// data, and the figures, caveats and monthly counts a page or the API shows. The counts come from the same in-memory
/// incidents as every other count (<see cref="IncidentQuery"/>); the figures from <see cref="DisplacementEvaluation"/>.
/// </summary>
public sealed class EffectEvaluations(AppDbContext db, IncidentStore store, AreaShapes shapes, TimeProvider time)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Below this many incidents in a period in the treated area, the interval is too wide to say much.</summary>
    private const int FewIncidents = 30;

    public Task<List<EffectEvaluation>> ListAsync(int measureId, CancellationToken cancellationToken = default) =>
        db.EffectEvaluations.AsNoTracking().Where(e => e.MeasureId == measureId).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);

    public Task<EffectEvaluation?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.EffectEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>
    /// A setup to start from. Treated: the measure's own areas. Buffer: the stadsdelar bordering them, where crime would move
    /// to or the benefit spread. Control: for each treated stadsdel, the stadsdel whose count in the before period is
    /// closest to it (on a tie, the one closest to it in the as long period before that too, so that their trends were alike), among those that neither are treated or buffer nor border the buffer. The WDD subtracts changes in
    /// counts (Wheeler &amp; Ratcliffe 2018), so a control of about the treated area's size is the fair one: a control ten times
    /// larger moves ten times as much by chance alone; keeping it off the buffer's edge keeps displaced crime out of it.
    /// Periods: after the measure ended (from its start while it runs) until the data end, and as long before its start.
    /// </summary>
    public async Task<EvaluationSuggestion?> SuggestAsync(int measureId, CancellationToken cancellationToken = default)
    {
        var measure = await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return null;
        }

        var columns = await store.GetAsync(db, cancellationToken);
        var layer = await shapes.GetAsync(db, AreaLevel.Neighbourhood, cancellationToken);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);

        var (before, after) = SuggestPeriods(measure.Start, measure.End, columns, reasons);

        var treated = Codes(measure.AreaCodes).Select(directory.Find).OfType<AreaSummary>().Select(a => a.Code).ToList();
        reasons["treated"] = treated.Count > 0
            ? $"Åtgärdens egna områden: {Names(treated, directory)}."
            : "Åtgärden har inget område. Välj de områden den gäller på kartan.";

        var index = layer.Areas.Select((a, i) => (a.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.OrdinalIgnoreCase);
        var treatedIndexes = treated.Where(index.ContainsKey).Select(c => index[c]).ToHashSet();
        var bufferIndexes = treatedIndexes.SelectMany(i => layer.Neighbours[i]).Where(i => !treatedIndexes.Contains(i)).ToHashSet();
        var buffer = bufferIndexes.Select(i => layer.Areas[i].Code).Order(StringComparer.Ordinal).ToList();
        reasons["buffer"] = buffer.Count > 0
            ? $"Stadsdelarna som gränsar till åtgärdsområdet, dit brott kan flytta eller nyttan spridas: {Names(buffer, directory)}."
            : "Inga stadsdelar gränsar till åtgärdsområdet. Välj en buffertzon på kartan.";

        var control = new List<string>();
        if (before is { } period && treatedIndexes.Count > 0)
        {
            var excluded = bufferIndexes.SelectMany(i => layer.Neighbours[i]).Concat(treatedIndexes).ToHashSet();
            var query = new IncidentQuery(columns);
            int CountBefore(string code) => (int)query.Count(new IncidentFilter { AreaCode = code, From = period.From, To = period.To });
            var length = period.To.DayNumber - period.From.DayNumber + 1;
            int CountEarlier(string code) => (int)query.Count(new IncidentFilter { AreaCode = code, From = period.From.AddDays(-length), To = period.From.AddDays(-1) });
            var candidates = Enumerable.Range(0, layer.Areas.Count).Where(i => !excluded.Contains(i))
                .Select(i => (layer.Areas[i].Code, Before: CountBefore(layer.Areas[i].Code))).Where(c => c.Before > 0).ToList();
            foreach (var code in treated.Where(index.ContainsKey))
            {
                var target = CountBefore(code);
                var earlier = CountEarlier(code);
                var closest = candidates.Where(c => !control.Contains(c.Code))
                    .OrderBy(c => Math.Abs(c.Before - target)).ThenBy(c => Math.Abs(CountEarlier(c.Code) - earlier))
                    .ThenBy(c => c.Code, StringComparer.Ordinal).FirstOrDefault();
                if (closest.Code is not null)
                {
                    control.Add(closest.Code);
                }
            }

            reasons["control"] = control.Count > 0
                ? string.Create(Swedish, $"Den stadsdel utanför åtgärdsområdet och buffertzonen, och inte granne med buffertzonen, som hade närmast lika många händelser före åtgärden ({Names(control, directory)}: {control.Sum(CountBefore)} mot {treated.Where(index.ContainsKey).Sum(CountBefore)}). WDD jämför förändringar i antal, så ett lika stort jämförelseområde är det rättvisa.")
                : "Ingen stadsdel utanför buffertzonen hade händelser före åtgärden. Välj ett jämförelseområde på kartan.";
        }
        else
        {
            reasons["control"] = "Jämförelseområdet väljs efter antalet händelser före åtgärden, och det kräver en period före och ett åtgärdsområde. Välj det på kartan.";
        }

        return new EvaluationSuggestion(
            new EvaluationInput("", string.Join(',', treated), string.Join(',', buffer), string.Join(',', control), before?.From, before?.To, after?.From, after?.To),
            reasons);
    }

    /// <summary>Counts the six numbers for the setup and stores them with the time they were counted; nothing is written when anything is wrong.</summary>
    public async Task<(EffectEvaluation? Evaluation, Dictionary<string, string> Errors)> SaveAsync(int measureId, EvaluationInput input, string userName, CancellationToken cancellationToken = default)
    {
        if (!await db.Measures.AnyAsync(m => m.Id == measureId, cancellationToken))
        {
            return (null, new() { ["measure"] = "Åtgärden finns inte." });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var treated = AreaSet(input.TreatedAreaCodes, "treated", "Välj minst ett område som åtgärden gäller.", directory, errors);
        var buffer = AreaSet(input.BufferAreaCodes, "buffer", "Välj minst ett område som buffertzon.", directory, errors);
        var control = AreaSet(input.ControlAreaCodes, "control", "Välj minst ett jämförelseområde.", directory, errors);
        Disjoint(treated, buffer, "buffer", "Buffertzonen överlappar åtgärdsområdet", directory, errors);
        Disjoint(treated, control, "control", "Jämförelseområdet överlappar åtgärdsområdet", directory, errors);
        Disjoint(buffer, control, "control", "Jämförelseområdet överlappar buffertzonen", directory, errors);
        CheckPeriods(input, errors);
        Security.PersonalData.Refuse(errors, ("comment", input.Comment));

        var columns = await store.GetAsync(db, cancellationToken);
        var filter = Filter(input.IncidentQuery, columns, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var evaluation = new EffectEvaluation
        {
            MeasureId = measureId, IncidentQuery = input.IncidentQuery?.Trim() ?? "", TreatedAreaCodes = string.Join(',', treated), BufferAreaCodes = string.Join(',', buffer),
            ControlAreaCodes = string.Join(',', control), BeforeFrom = input.BeforeFrom!.Value, BeforeTo = input.BeforeTo!.Value, AfterFrom = input.AfterFrom!.Value, AfterTo = input.AfterTo!.Value,
            Comment = input.Comment?.Trim() ?? "", CreatedBy = userName,
        };
        Count(evaluation, columns, filter!);
        db.EffectEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken);
        return (evaluation, errors);
    }

    /// <summary>Counts a stored evaluation again, e.g. after newer incidents were imported; its setup stays as it was.</summary>
    public async Task<(EffectEvaluation? Evaluation, Dictionary<string, string> Errors)> RecomputeAsync(int id, CancellationToken cancellationToken = default)
    {
        var evaluation = await db.EffectEvaluations.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (null, new() { ["evaluation"] = "Utvärderingen finns inte." });
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var columns = await store.GetAsync(db, cancellationToken);
        var filter = Filter(evaluation.IncidentQuery, columns, errors);
        if (filter is null)
        {
            return (null, errors);
        }

        Count(evaluation, columns, filter);
        await db.SaveChangesAsync(cancellationToken);
        return (evaluation, errors);
    }

    /// <summary>Removes the evaluation through the change tracker (not ExecuteDelete) so that the audit log records what was removed.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var evaluation = await db.EffectEvaluations.FindAsync([id], cancellationToken);
        if (evaluation is null)
        {
            return false;
        }

        db.EffectEvaluations.Remove(evaluation);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What a reader needs: the counts, the figures, what the figures cannot say for this setup, and the monthly counts of each
    /// area set from the start of the before period to the end of the after period.
    /// </summary>
    public async Task<EvaluationResult> ResultAsync(EffectEvaluation evaluation, CancellationToken cancellationToken = default)
    {
        var (treated, buffer, control) = (
            new AreaCounts(evaluation.TreatedBefore, evaluation.TreatedAfter),
            new AreaCounts(evaluation.BufferBefore, evaluation.BufferAfter),
            new AreaCounts(evaluation.ControlBefore, evaluation.ControlAfter));
        var figures = DisplacementEvaluation.Evaluate(treated, buffer, control);

        var columns = await store.GetAsync(db, cancellationToken);
        var filter = Filter(evaluation.IncidentQuery, columns, []) ?? new IncidentFilter();
        var query = new IncidentQuery(columns);
        var window = filter with { From = evaluation.BeforeFrom, To = evaluation.AfterTo };
        Dictionary<string, long> Monthly(string codes) => query.Aggregate(window with { AreaCode = null, AreaCodes = Codes(codes) }, IncidentGrouping.Month)
            .Where(r => r.Key.Length > 0).ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal);
        var (treatedMonths, bufferMonths, controlMonths) = (Monthly(evaluation.TreatedAreaCodes), Monthly(evaluation.BufferAreaCodes), Monthly(evaluation.ControlAreaCodes));
        var months = new List<MonthCounts>();
        for (var month = new DateOnly(evaluation.BeforeFrom.Year, evaluation.BeforeFrom.Month, 1); month <= evaluation.AfterTo; month = month.AddMonths(1))
        {
            var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            months.Add(new MonthCounts(month, (int)treatedMonths.GetValueOrDefault(key), (int)bufferMonths.GetValueOrDefault(key), (int)controlMonths.GetValueOrDefault(key)));
        }

        var earlier = (int)query.Count(filter with
        {
            AreaCode = null, AreaCodes = Codes(evaluation.TreatedAreaCodes),
            From = evaluation.BeforeFrom.AddDays(-(evaluation.BeforeTo.DayNumber - evaluation.BeforeFrom.DayNumber + 1)), To = evaluation.BeforeFrom.AddDays(-1),
        });
        var others = await OverlappingMeasuresAsync(evaluation, cancellationToken);
        return new EvaluationResult(evaluation, treated, buffer, control, figures, Caveats(evaluation, treated, buffer, control, earlier, others), months);
    }

    /// <summary>What the figures cannot say, in Swedish sentences: always the nature of the data, then what this setup adds.</summary>
    private static List<string> Caveats(EffectEvaluation evaluation, AreaCounts treated, AreaCounts buffer, AreaCounts control, int earlier, List<string> others)
    {
        var caveats = new List<string>
        {
            "Polisens händelser är inte alla brott: de är det polisen väljer att publicera, och brott som upptäcks genom polisens eget arbete (t.ex. narkotika) blir fler när polisen arbetar mer, inte när brotten blir fler.",
            "Jämförelsen visar hur området utvecklades i förhållande till jämförelseområdet, inte varför. Att åtgärden orsakade skillnaden förutsätter att inget annat som bara rörde området hände samtidigt.",
        };
        if (Math.Min(treated.Before, treated.After) < FewIncidents)
        {
            caveats.Add(string.Create(Swedish, $"Med {treated.Before} händelser före och {treated.After} efter i området blir konfidensintervallet brett: även en verklig effekt kan se ut som slump, och en enstaka händelse flyttar siffrorna märkbart."));
        }

        if (treated.Before > 1.2 * earlier)
        {
            caveats.Add(string.Create(Swedish, $"Området hade fler händelser under perioden före ({treated.Before}) än under lika lång tid dessförinnan ({earlier}). Valdes platsen för att händelserna var många kan en del av en minskning vara återgång mot medelvärdet, inte åtgärdens verkan."));
        }
        else
        {
            caveats.Add("En plats som väljs för att den har många händelser brukar få färre av sig själv efteråt (återgång mot medelvärdet); här var perioden före inte högre än tiden dessförinnan, så risken är mindre.");
        }

        if (control.Before > 0 && (buffer.Before > 2 * control.Before || 2 * buffer.Before < control.Before))
        {
            caveats.Add(string.Create(Swedish, $"Buffertzonen hade {buffer.Before} händelser före och jämförelseområdet {control.Before}. WDD jämför förändringar i antal, så dess del för buffertzonen ställer olika stora områden mot varandra; WDQ och TNE jämför kvoter och påverkas inte på samma sätt."));
        }

        if (others.Count > 0)
        {
            caveats.Add($"Andra åtgärder pågick i samma område under perioden ({string.Join("; ", others)}). Effekten kan inte tillskrivas just den här åtgärden.");
        }

        return caveats;
    }

    /// <summary>The other measures in the treated areas that ran at some time between the before period's end and the after period's end.</summary>
    private async Task<List<string>> OverlappingMeasuresAsync(EffectEvaluation evaluation, CancellationToken cancellationToken)
    {
        var treated = Codes(evaluation.TreatedAreaCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = await db.Measures.AsNoTracking()
            .Where(m => m.Id != evaluation.MeasureId && m.Start <= evaluation.AfterTo && m.End >= evaluation.BeforeTo)
            .Select(m => new { m.Title, m.AreaCodes }).ToListAsync(cancellationToken);
        return candidates.Where(m => Codes(m.AreaCodes).Any(treated.Contains)).Select(m => m.Title).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// After: from the day after the measure ended, or from its start while it still runs, to the last day with data. Before: as
    /// long, ending the day before the start. Both shortened alike when the data do not reach back far enough.
    /// </summary>
    private (Period? Before, Period? After) SuggestPeriods(DateOnly start, DateOnly end, IncidentColumns columns, Dictionary<string, string> reasons)
    {
        if (columns.Count == 0)
        {
            reasons["periods"] = "Det finns inga händelser att jämföra. Läs in data och ange perioderna själv.";
            return (null, null);
        }

        var today = DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime));
        var first = DateOnly.FromDateTime(IncidentColumns.FromMinutes(columns.Minutes[0]));
        var last = DateOnly.FromDateTime(IncidentColumns.FromMinutes(columns.Minutes[^1]));
        last = last < today ? last : today;
        var running = end >= last;
        var afterFrom = running ? start : end.AddDays(1);
        var days = Math.Min(last.DayNumber - afterFrom.DayNumber + 1, start.DayNumber - first.DayNumber);
        if (days <= 0)
        {
            reasons["periods"] = afterFrom > last
                ? string.Create(Swedish, $"Det finns inga händelser efter åtgärden ännu (data till {last:d MMMM yyyy}).")
                : string.Create(Swedish, $"Det finns inga händelser före åtgärden (data från {first:d MMMM yyyy}).");
            return (null, null);
        }

        var after = new Period(afterFrom, afterFrom.AddDays(days - 1));
        var before = new Period(start.AddDays(-days), start.AddDays(-1));
        var from = running ? "från åtgärdens start, eftersom den pågår," : "från dagen efter att åtgärden slutade";
        reasons["periods"] = string.Create(Swedish,
            $"Efter: {from} till {(after.To == last ? "sista dagen med data" : "lika lång tid som det finns data före")} ({days} dagar). Före: lika lång tid direkt före åtgärdens start, så att perioderna kan jämföras.");
        return (before, after);
    }

    private static void CheckPeriods(EvaluationInput input, Dictionary<string, string> errors)
    {
        foreach (var (date, field, message) in new[]
        {
            (input.BeforeFrom, "beforeFrom", "Ange första dagen före åtgärden."), (input.BeforeTo, "beforeTo", "Ange sista dagen före åtgärden."),
            (input.AfterFrom, "afterFrom", "Ange första dagen efter åtgärden."), (input.AfterTo, "afterTo", "Ange sista dagen efter åtgärden."),
        })
        {
            if (date is null)
            {
                errors[field] = message;
            }
        }

        if (input is not { BeforeFrom: { } beforeFrom, BeforeTo: { } beforeTo, AfterFrom: { } afterFrom, AfterTo: { } afterTo })
        {
            return;
        }

        if (beforeTo < beforeFrom)
        {
            errors["beforeTo"] = "Perioden före slutar innan den börjar.";
        }

        if (afterTo < afterFrom)
        {
            errors["afterTo"] = "Perioden efter slutar innan den börjar.";
        }
        else if (afterFrom <= beforeTo)
        {
            errors["afterFrom"] = "Perioden efter ska börja när perioden före har slutat; perioderna får inte överlappa.";
        }
        else if (beforeTo >= beforeFrom && afterTo.DayNumber - afterFrom.DayNumber != beforeTo.DayNumber - beforeFrom.DayNumber)
        {
            errors["afterTo"] = string.Create(Swedish,
                $"Perioderna ska vara lika långa för att antalen ska kunna jämföras: före är {beforeTo.DayNumber - beforeFrom.DayNumber + 1} dagar, efter {afterTo.DayNumber - afterFrom.DayNumber + 1}.");
        }
    }

    /// <summary>The codes as the directory spells them; a message under <paramref name="field"/> for unknown codes or none.</summary>
    private static List<string> AreaSet(string? codes, string field, string empty, AreaDirectory directory, Dictionary<string, string> errors)
    {
        var given = Codes(codes);
        var unknown = given.Where(c => directory.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = unknown.Count == 1 ? $"Inget område har koden '{unknown[0]}'." : $"Inga områden har koderna {string.Join(", ", unknown.Select(c => $"'{c}'"))}.";
        }
        else if (given.Count == 0)
        {
            errors[field] = empty;
        }

        var known = given.Select(directory.Find).OfType<AreaSummary>().Select(a => a.Code).Distinct(StringComparer.Ordinal).ToList();
        if (string.Join(',', known).Length > 2000)
        {
            errors[field] = "För många områden. Välj ett större område i stället för många små.";
        }

        return known;
    }

    /// <summary>Two sets overlap when an area of one is, contains or lies inside an area of the other.</summary>
    private static void Disjoint(List<string> first, List<string> second, string field, string message, AreaDirectory directory, Dictionary<string, string> errors)
    {
        var covered = first.SelectMany(c => directory.SelfAndDescendants(directory.Find(c)!)).Select(a => a.Id).ToHashSet();
        var shared = second.Where(c => directory.SelfAndDescendants(directory.Find(c)!).Any(a => covered.Contains(a.Id))).ToList();
        if (shared.Count > 0 && !errors.ContainsKey(field))
        {
            errors[field] = $"{message}: {Names(shared, directory)}.";
        }
    }

    /// <summary>The filter the incident query gives, without areas or dates (the evaluation sets those), or null and a message.</summary>
    private static IncidentFilter? Filter(string? incidentQuery, IncidentColumns columns, Dictionary<string, string> errors)
    {
        var (parameters, error) = IncidentQueryParameters.Parse(incidentQuery?.Trim() ?? "");
        var (filter, problems) = parameters.Parse(columns);
        if ((error ?? string.Join(" ", problems.SelectMany(p => p.Value))) is { Length: > 0 } wrong)
        {
            errors["incidentQuery"] = wrong;
            return null;
        }

        if (parameters is not { From: null, To: null, Area: null })
        {
            errors["incidentQuery"] = "Områden och perioder anges i sina egna fält, inte i filtret. Filtret tar category, source och minAccuracy.";
            return null;
        }

        if ((incidentQuery?.Length ?? 0) > 1000)
        {
            errors["incidentQuery"] = "Filtret är för långt.";
            return null;
        }

        return filter;
    }

    private void Count(EffectEvaluation evaluation, IncidentColumns columns, IncidentFilter filter)
    {
        var query = new IncidentQuery(columns);
        int In(string codes, DateOnly from, DateOnly to) => (int)query.Count(filter with { AreaCode = null, AreaCodes = Codes(codes), From = from, To = to });
        (evaluation.TreatedBefore, evaluation.TreatedAfter) = (In(evaluation.TreatedAreaCodes, evaluation.BeforeFrom, evaluation.BeforeTo), In(evaluation.TreatedAreaCodes, evaluation.AfterFrom, evaluation.AfterTo));
        (evaluation.BufferBefore, evaluation.BufferAfter) = (In(evaluation.BufferAreaCodes, evaluation.BeforeFrom, evaluation.BeforeTo), In(evaluation.BufferAreaCodes, evaluation.AfterFrom, evaluation.AfterTo));
        (evaluation.ControlBefore, evaluation.ControlAfter) = (In(evaluation.ControlAreaCodes, evaluation.BeforeFrom, evaluation.BeforeTo), In(evaluation.ControlAreaCodes, evaluation.AfterFrom, evaluation.AfterTo));
        evaluation.ComputedAt = time.GetUtcNow();
    }

    private static string Names(IEnumerable<string> codes, AreaDirectory directory) =>
        string.Join(", ", codes.Select(c => directory.Find(c)?.Name ?? c));

    /// <summary>Area codes from a comma-separated list (commas or spaces, as people type them).</summary>
    public static List<string> Codes(string? codes) =>
        (codes ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private readonly record struct Period(DateOnly From, DateOnly To);
}

/// <summary>An evaluation's setup as a person gives it: the incident filter, the three area sets (codes separated by commas) and the two periods.</summary>
public sealed record EvaluationInput(string? IncidentQuery, string? TreatedAreaCodes, string? BufferAreaCodes, string? ControlAreaCodes,
    DateOnly? BeforeFrom, DateOnly? BeforeTo, DateOnly? AfterFrom, DateOnly? AfterTo, string? Comment = null);

/// <summary>A suggested setup and, per part (treated, buffer, control, periods), the Swedish sentence that says why.</summary>
public sealed record EvaluationSuggestion(EvaluationInput Input, IReadOnlyDictionary<string, string> Reasons);

/// <summary>A stored evaluation with its counts, figures, what cannot be concluded, and the monthly counts for the chart.</summary>
public sealed record EvaluationResult(EffectEvaluation Evaluation, AreaCounts Treated, AreaCounts Buffer, AreaCounts Control,
    DisplacementEvaluationResult Figures, IReadOnlyList<string> Caveats, IReadOnlyList<MonthCounts> Months);

/// <summary>The incidents of one calendar month (within the evaluation's window) in each area set.</summary>
public sealed record MonthCounts(DateOnly Month, int Treated, int Buffer, int Control);
