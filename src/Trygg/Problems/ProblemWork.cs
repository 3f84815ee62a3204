using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Indicators;
using Trygg.Security;

namespace Trygg.Problems;

/// <summary>
/// The problem side of the chain, as BRÅ's handbook and the POP Center describe it: a prioritised problem, its orsaksanalys
/// (crime triangle, causes with evidence as fishbone, tree and risk and protective factors) and its goals with indicators.
/// Every change is validated with Swedish messages per field and written whole or not at all; a save made from what someone
/// else has changed since is refused as a conflict, never written over their change.
/// </summary>
public sealed class ProblemWork(AppDbContext db, IncidentStore store, TimeProvider time)
{
    public async Task<(Problem? Problem, Dictionary<string, string> Errors)> CreateProblemAsync(ProblemInput input, string userName, CancellationToken cancellationToken = default)
    {
        var errors = await ValidateAsync(input, cancellationToken);
        if (input.SituationReportId is { } reportId && !await db.SituationReports.AnyAsync(r => r.Id == reportId, cancellationToken))
        {
            errors["situationReport"] = "Lägesbilden finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var problem = new Problem
        {
            Title = "", SituationReportId = input.SituationReportId, FiguresJson = input.FiguresJson ?? "[]", CreatedAt = time.GetUtcNow(), CreatedBy = userName, Revision = 1,
        };
        Apply(problem, input);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(cancellationToken);
        return (problem, errors);
    }

    /// <summary>
    /// Changes a problem's description and prioritisation. <paramref name="revision"/> is the revision the person started from:
    /// if someone saved in between, nothing is written and the answer says how to see their change.
    /// </summary>
    public async Task<(Problem? Problem, Dictionary<string, string> Errors)> UpdateProblemAsync(int problemId, int? revision, ProblemInput input, CancellationToken cancellationToken = default)
    {
        var problem = await db.Problems.FirstOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return (null, new() { ["problem"] = "Problemet finns inte." });
        }

        if (problem.Revision != revision)
        {
            return (null, Conflict("problemet", "det"));
        }

        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Apply(problem, input);
        problem.Revision++;
        return await SaveAsync(problem, "problemet", "det", cancellationToken);
    }

    /// <summary>Writes the orsaksanalys (the first save creates it). A save from an older revision than the stored one is a conflict.</summary>
    public async Task<(RootCauseAnalysis? Analysis, Dictionary<string, string> Errors)> SaveAnalysisAsync(int problemId, int? revision, AnalysisInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Problems.AnyAsync(p => p.Id == problemId, cancellationToken))
        {
            return (null, new() { ["problem"] = "Problemet finns inte." });
        }

        var analysis = await db.Set<RootCauseAnalysis>().FirstOrDefaultAsync(a => a.ProblemId == problemId, cancellationToken);
        if (analysis?.Revision != revision)
        {
            return (null, Conflict("orsaksanalysen", "den"));
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (new[] { input.Offender, input.Target, input.Place }.All(string.IsNullOrWhiteSpace))
        {
            errors["triangle"] = "Beskriv minst en sida av triangeln: gärningsperson, offer eller mål, plats.";
        }

        if (input.HeldOn > Today())
        {
            errors["heldOn"] = "Analysen kan inte vara gjord ett datum som inte har varit.";
        }

        PersonalData.Refuse(errors, ("triangle", input.Offender), ("triangle", input.Target), ("triangle", input.Place), ("triangle", input.Handler),
            ("triangle", input.Guardian), ("triangle", input.Manager), ("triangle", input.Missing));

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (analysis is null)
        {
            analysis = new RootCauseAnalysis { ProblemId = problemId };
            db.Add(analysis);
        }

        (analysis.Offender, analysis.Target, analysis.Place) = (Clean(input.Offender), Clean(input.Target), Clean(input.Place));
        (analysis.Handler, analysis.Guardian, analysis.Manager) = (Clean(input.Handler), Clean(input.Guardian), Clean(input.Manager));
        (analysis.Missing, analysis.Participants, analysis.HeldOn) = (Clean(input.Missing), Clean(input.Participants), input.HeldOn);
        analysis.Revision++;
        return await SaveAsync(analysis, "orsaksanalysen", "den", cancellationToken);
    }

    public async Task<(Cause? Cause, Dictionary<string, string> Errors)> AddCauseAsync(int problemId, CauseInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Problems.AnyAsync(p => p.Id == problemId, cancellationToken))
        {
            return (null, new() { ["problem"] = "Problemet finns inte." });
        }

        var errors = await ValidateAsync(problemId, null, input, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var cause = new Cause { ProblemId = problemId, Text = "" };
        Apply(cause, input);
        db.Causes.Add(cause);
        await db.SaveChangesAsync(cancellationToken);
        return (cause, errors);
    }

    /// <summary>
    /// Changes a cause. <paramref name="stamp"/> is <see cref="Stamp(Cause)"/> of the cause as the person opened it: if it
    /// has changed since, nothing is written.
    /// </summary>
    public async Task<(Cause? Cause, Dictionary<string, string> Errors)> UpdateCauseAsync(int causeId, string? stamp, CauseInput input, CancellationToken cancellationToken = default)
    {
        var cause = await db.Causes.FirstOrDefaultAsync(c => c.Id == causeId, cancellationToken);
        if (cause is null)
        {
            return (null, new() { ["cause"] = "Orsaken finns inte." });
        }

        if (Stamp(cause) != stamp)
        {
            return (null, Conflict("orsaken", "den"));
        }

        var errors = await ValidateAsync(cause.ProblemId, cause.Id, input, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Apply(cause, input);
        await db.SaveChangesAsync(cancellationToken);
        return (cause, errors);
    }

    /// <summary>Removes a cause, unless the cause tree or a measure still leans on it: the answer names what does.</summary>
    public async Task<Dictionary<string, string>> DeleteCauseAsync(int causeId, CancellationToken cancellationToken = default)
    {
        var cause = await db.Causes.FirstOrDefaultAsync(c => c.Id == causeId, cancellationToken);
        if (cause is null)
        {
            return new() { ["cause"] = "Orsaken finns inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var children = await db.Causes.Where(c => c.ParentId == causeId).OrderBy(c => c.Id).Select(c => c.Text).ToListAsync(cancellationToken);
        if (children.Count > 0)
        {
            errors["children"] = $"Orsaken har underorsaker: {Quoted(children)}. Ta bort dem eller flytta dem till en annan orsak först.";
        }

        var measures = await db.Measures.Where(m => m.Causes.Any(c => c.CauseId == causeId)).OrderBy(m => m.Id).Select(m => m.Title).ToListAsync(cancellationToken);
        if (measures.Count > 0)
        {
            errors["measures"] = $"Åtgärder riktar sig mot orsaken: {Quoted(measures)}. Ta bort orsaken från åtgärderna först.";
        }

        if (errors.Count == 0)
        {
            db.Causes.Remove(cause);
            await db.SaveChangesAsync(cancellationToken);
        }

        return errors;
    }

    /// <summary>
    /// Adds a goal. An incident indicator's baseline is counted, not typed: its incidents in the last calendar year; a survey
    /// indicator's is its latest observed value unless one is typed.
    /// </summary>
    public async Task<(Goal? Goal, Dictionary<string, string> Errors)> AddGoalAsync(int problemId, GoalInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.Problems.AnyAsync(p => p.Id == problemId, cancellationToken))
        {
            return (null, new() { ["problem"] = "Problemet finns inte." });
        }

        var (errors, columns, survey) = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var goal = new Goal { ProblemId = problemId, Text = "" };
        Apply(goal, input, columns, survey);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return (goal, errors);
    }

    /// <summary>
    /// Changes a goal; <paramref name="stamp"/> is <see cref="Stamp(Goal)"/> as the person opened it. An incident baseline is
    /// counted again only when the indicator changes: a baseline is where the work started, not a moving figure.
    /// </summary>
    public async Task<(Goal? Goal, Dictionary<string, string> Errors)> UpdateGoalAsync(int goalId, string? stamp, GoalInput input, CancellationToken cancellationToken = default)
    {
        var goal = await db.Goals.Include(g => g.Values).FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null)
        {
            return (null, new() { ["goal"] = "Målet finns inte." });
        }

        if (Stamp(goal) != stamp)
        {
            return (null, Conflict("målet", "det"));
        }

        var (errors, columns, survey) = await ValidateAsync(input, cancellationToken);
        if (input.Kind != goal.IndicatorKind && goal.Values.Count > 0)
        {
            errors["kind"] = $"Målet har rapporterade värden ({string.Join(", ", goal.Values.Select(v => v.Tertial).Order(StringComparer.Ordinal))}); byt inte slag av indikator, lägg hellre till ett nytt mål.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        Apply(goal, input, input.Kind == goal.IndicatorKind && Clean(input.Indicator) == goal.IndicatorQuery ? null : columns, survey);
        await db.SaveChangesAsync(cancellationToken);
        return (goal, errors);
    }

    /// <summary>Removes a goal and its reported values, unless a measure is followed up against it: the answer names which.</summary>
    public async Task<Dictionary<string, string>> DeleteGoalAsync(int goalId, CancellationToken cancellationToken = default)
    {
        var goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null)
        {
            return new() { ["goal"] = "Målet finns inte." };
        }

        var id = goalId.ToString(CultureInfo.InvariantCulture);
        var measures = (await db.Measures.Where(m => m.GoalIds != "").OrderBy(m => m.Id).Select(m => new { m.Title, m.GoalIds }).ToListAsync(cancellationToken))
            .Where(m => m.GoalIds.Split(',', StringSplitOptions.TrimEntries).Contains(id)).Select(m => m.Title).ToList();
        if (measures.Count > 0)
        {
            return new() { ["measures"] = $"Åtgärder följs upp mot målet: {Quoted(measures)}. Ta bort målet från åtgärderna först." };
        }

        db.Goals.Remove(goal);
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// The value of a survey indicator or manual figure for a tertial that has started; reporting the tertial again replaces
    /// the earlier value. An incident indicator's value is counted, so it is not reported.
    /// </summary>
    public async Task<Dictionary<string, string>> ReportGoalValueAsync(int goalId, string? tertial, double? value, string? comment, string userName, CancellationToken cancellationToken = default)
    {
        var goal = await db.Goals.Include(g => g.Values).FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
        if (goal is null)
        {
            return new() { ["goal"] = "Målet finns inte." };
        }

        if (goal.IndicatorKind == IndicatorKind.Incidents)
        {
            return new() { ["goal"] = "Målets värde räknas från händelserna; det rapporteras inte." };
        }

        if (goal.IndicatorKind == IndicatorKind.Survey)
        {
            return new() { ["goal"] = $"Målets värde läses från indikatorn {IndicatorReference.Parse(goal.IndicatorQuery).Reference?.Code ?? goal.IndicatorQuery} för varje period; det rapporteras inte." };
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Tertial.TryParse(tertial, out var parsed))
        {
            errors["tertial"] = Tertial.CannotRead(tertial);
        }
        else if (parsed.Start > Today())
        {
            errors["tertial"] = "Ett tertial som inte har börjat kan inte rapporteras.";
        }

        PersonalData.Refuse(errors, ("comment", comment));

        if (value is null || !double.IsFinite(value.Value))
        {
            errors["value"] = "Ange värdet.";
        }
        else if (value < 0)
        {
            errors["value"] = "Värdet kan inte vara negativt.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var reported = goal.Values.FirstOrDefault(v => v.Tertial == parsed.ToString());
        if (reported is null)
        {
            reported = new GoalValue { Tertial = parsed.ToString() };
            goal.Values.Add(reported);
        }

        (reported.Value, reported.Comment, reported.ReportedBy, reported.ReportedAt) = (value!.Value, Clean(comment), userName, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first reports of the same tertial at once: the unique index keeps one, and this one is not written.
            db.ChangeTracker.Clear();
            return new() { ["tertial"] = $"Någon annan rapporterade {parsed} samtidigt. Ladda sidan på nytt för att se deras värde; ditt värde är inte sparat." };
        }

        return errors;
    }

    /// <summary>
    /// Each incident goal's value over the last twelve months of data (to the day of the newest incident), counted, never
    /// typed. Goals whose filters no longer fit the data are left out rather than shown as zero.
    /// </summary>
    public async Task<IndicatorValues> LastTwelveMonthsAsync(IEnumerable<Goal> goals, CancellationToken cancellationToken = default)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        if (columns.Count == 0)
        {
            return IndicatorValues.None;
        }

        var to = DateOnly.FromDateTime(IncidentColumns.FromMinutes(columns.Minutes[^1]));
        var from = to.AddYears(-1).AddDays(1);
        var values = new Dictionary<int, double>();
        foreach (var goal in goals.Where(g => g.IndicatorKind == IndicatorKind.Incidents))
        {
            if (Query(columns, goal.IndicatorQuery) is ({ } filter, null))
            {
                values[goal.Id] = ActionPlans.ActionPlans.IndicatorValue(columns, filter, from, to);
            }
        }

        return new IndicatorValues(from, to, values);
    }

    /// <summary>
    /// Each survey goal's series: the observations of the indicator, area and group it names, one per period, read from the
    /// indicator as it is now (never typed). Goals whose indicator is gone are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IndicatorSeries>> SurveyValuesAsync(IEnumerable<Goal> goals, CancellationToken cancellationToken = default)
    {
        var queries = new IndicatorQueries(db);
        var values = new Dictionary<int, IndicatorSeries>();
        foreach (var goal in goals.Where(g => g.IndicatorKind == IndicatorKind.Survey))
        {
            if (IndicatorReference.Parse(goal.IndicatorQuery).Reference is { } reference && await queries.FindAsync(reference.Code, cancellationToken) is { } indicator)
            {
                values[goal.Id] = new IndicatorSeries(indicator, await queries.ObservationsAsync(indicator.Id, reference.Filter, cancellationToken));
            }
        }

        return values;
    }

    /// <summary>How many incidents a cause's stored query selects in all the data, or null when it no longer fits the data.</summary>
    public async Task<Dictionary<int, long>> EvidenceCountsAsync(IEnumerable<Cause> causes, CancellationToken cancellationToken = default)
    {
        var columns = await store.GetAsync(db, cancellationToken);
        var counts = new Dictionary<int, long>();
        foreach (var cause in causes.Where(c => c.EvidenceKind == EvidenceKind.Query))
        {
            if (Query(columns, cause.Evidence) is ({ } filter, null))
            {
                counts[cause.Id] = new IncidentQuery(columns).Count(filter);
            }
        }

        return counts;
    }

    /// <summary>A short fingerprint of a cause as stored, carried by the edit form so that a save over someone else's change is caught.</summary>
    public static string Stamp(Cause cause) => Fingerprint(cause.Text, cause.Side, cause.Level, cause.Kind, cause.EvidenceKind, cause.Evidence, cause.Certainty, cause.ParentId);

    /// <summary>A short fingerprint of a goal as stored (its reported values apart), carried by the edit form like <see cref="Stamp(Cause)"/>.</summary>
    public static string Stamp(Goal goal) =>
        Fingerprint(goal.Text, goal.IndicatorKind, goal.IndicatorQuery, goal.ReportedBy, goal.Baseline, goal.Target, goal.TargetDate, goal.LowerIsBetter);

    private async Task<Dictionary<string, string>> ValidateAsync(ProblemInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Ge problemet en rubrik.";
        }
        else if (input.Title.Trim().Length > 300)
        {
            errors["title"] = "Rubriken får vara högst 300 tecken.";
        }

        PersonalData.Refuse(errors, ("title", input.Title), ("description", input.Description));

        if (input.Priority is < 1 or > 3)
        {
            errors["priority"] = "Prioriteten ska vara 1 (högst), 2 eller 3.";
        }

        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        if (directory.UnknownCodes(input.AreaCodes) is { } unknown)
        {
            errors["areas"] = unknown;
        }

        var priorityAreas = await db.PriorityAreas.Select(a => a.Number).ToListAsync(cancellationToken);
        if ((input.PriorityAreas ?? []).Except(priorityAreas).ToList() is { Count: > 0 } unknownPriority)
        {
            errors["priorityAreas"] = $"Det finns inget prioriterat samverkansområde {string.Join(", ", unknownPriority)}.";
        }

        var focusAreas = await db.FocusAreas.Select(a => a.Number).ToListAsync(cancellationToken);
        if ((input.FocusAreas ?? []).Except(focusAreas).ToList() is { Count: > 0 } unknownFocus)
        {
            errors["focusAreas"] = $"Det finns inget fokusområde {string.Join(", ", unknownFocus)}.";
        }

        var perspectives = SituationReports.SituationReports.Perspectives.Select(p => p.Key);
        if ((input.Perspectives ?? []).Except(perspectives, StringComparer.Ordinal).ToList() is { Count: > 0 } unknownPerspectives)
        {
            errors["perspectives"] = $"Okänt perspektiv: {string.Join(", ", unknownPerspectives)}.";
        }

        return errors;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(int problemId, int? causeId, CauseInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors["text"] = "Beskriv orsaken.";
        }

        PersonalData.Refuse(errors, ("text", input.Text), ("evidence", input.Evidence));

        if (!Enum.IsDefined(input.Side) || !Enum.IsDefined(input.Level) || !Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.EvidenceKind) || !Enum.IsDefined(input.Certainty))
        {
            errors["kind"] = "Välj sida, nivå, risk- eller skyddsfaktor, slag av belägg och säkerhet bland alternativen.";
        }

        if (input.EvidenceKind == EvidenceKind.Query)
        {
            var columns = await store.GetAsync(db, cancellationToken);
            if (string.IsNullOrWhiteSpace(input.Evidence))
            {
                errors["evidence"] = "Skriv frågan: händelsefiltren, t.ex. category=narkotika&area=0180-sd-rinkeby.";
            }
            else if (Query(columns, input.Evidence) is (_, { } wrong))
            {
                errors["evidence"] = wrong;
            }
        }

        if (input.ParentId is { } parentId)
        {
            var tree = await db.Causes.Where(c => c.ProblemId == problemId).Select(c => new { c.Id, c.ParentId }).ToDictionaryAsync(c => c.Id, c => c.ParentId, cancellationToken);
            if (!tree.ContainsKey(parentId))
            {
                errors["parent"] = "Den överordnade orsaken hör inte till problemet.";
            }
            else if (causeId is not null)
            {
                // Walking up from the chosen parent must never reach the cause itself, or the tree would turn into a loop.
                for (int? at = parentId; at is { } node; at = tree.GetValueOrDefault(node))
                {
                    if (node == causeId)
                    {
                        errors["parent"] = "En orsak kan inte ligga under sig själv eller under någon av sina underorsaker.";
                        break;
                    }
                }
            }
        }

        return errors;
    }

    private async Task<(Dictionary<string, string> Errors, IncidentColumns Columns, IndicatorSeries? Survey)> ValidateAsync(GoalInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors["text"] = "Beskriv målet.";
        }

        PersonalData.Refuse(errors, ("text", input.Text));

        var columns = await store.GetAsync(db, cancellationToken);
        if (!Enum.IsDefined(input.Kind))
        {
            errors["kind"] = "Välj händelser, enkätindikator eller manuellt tal.";
        }
        else if (input.Kind == IndicatorKind.Incidents && Query(columns, input.Indicator ?? "") is (_, { } wrong))
        {
            errors["indicatorQuery"] = wrong;
        }

        IndicatorSeries? survey = null;
        if (input.Kind == IndicatorKind.Survey)
        {
            string? wrongSurvey;
            (survey, wrongSurvey) = await SurveySeriesAsync(input.Indicator, cancellationToken);
            if (wrongSurvey is not null)
            {
                errors["indicatorQuery"] = wrongSurvey;
            }
        }

        if (Clean(input.Indicator).Length > 1000)
        {
            errors["indicatorQuery"] = "Indikatorn får beskrivas med högst 1 000 tecken.";
        }

        if (input.TargetDate == default)
        {
            errors["targetDate"] = "Ange senast när målet ska vara nått.";
        }

        if (input.Target < 0 || !double.IsFinite(input.Target))
        {
            errors["target"] = "Målvärdet kan inte vara negativt.";
        }

        if (input.Kind == IndicatorKind.Manual && string.IsNullOrWhiteSpace(input.ReportedBy))
        {
            errors["reportedBy"] = "Ange vem som rapporterar värdet.";
        }
        else if (Clean(input.ReportedBy).Length > 200)
        {
            errors["reportedBy"] = "Vem som rapporterar får beskrivas med högst 200 tecken.";
        }

        if (input.Kind == IndicatorKind.Manual && input.Baseline is null)
        {
            errors["baseline"] = "Ange utgångsvärdet.";
        }
        else if (input.Kind == IndicatorKind.Survey && input.Baseline is null && survey is not null && survey.LatestShown is null)
        {
            errors["baseline"] = "Ange utgångsvärdet: indikatorn har ännu inget värde att utgå från.";
        }
        else if (input.Baseline is < 0)
        {
            errors["baseline"] = "Utgångsvärdet kan inte vara negativt.";
        }

        return (errors, columns, survey);
    }

    /// <summary>The series a survey goal's indicator reference names, or the Swedish reason it names none.</summary>
    private async Task<(IndicatorSeries? Series, string? Error)> SurveySeriesAsync(string? text, CancellationToken cancellationToken)
    {
        var (reference, error) = IndicatorReference.Parse(text);
        if (reference is null)
        {
            return (null, error);
        }

        var queries = new IndicatorQueries(db);
        if (await queries.FindAsync(reference.Code, cancellationToken) is not { } indicator)
        {
            return (null, $"Det finns ingen indikator med koden '{reference.Code}'. Koderna står på sidan Indikatorer.");
        }

        if (reference.Area is null)
        {
            var areas = await db.IndicatorObservations.Where(o => o.IndicatorId == indicator.Id).Select(o => o.AreaCode).Distinct().OrderBy(a => a).Take(2).ToListAsync(cancellationToken);
            if (areas.Count > 1)
            {
                return (null, $"Indikatorn har värden för flera områden; ange vilket målet följer, t.ex. {reference.Code}?area={areas[0]}.");
            }
        }

        var observations = await queries.ObservationsAsync(indicator.Id, reference.Filter, cancellationToken);
        return observations.Count == 0
            ? (null, $"Indikatorn {reference.Code} har inga värden för {(reference.Area is null ? "" : $"området {reference.Area}, ")}kön {IndicatorText.Group(reference.Sex)}, ålder {IndicatorText.Group(reference.AgeBand)} och grupp {IndicatorText.Group(reference.Group)}.")
            : (new IndicatorSeries(indicator, observations), null);
    }

    private static void Apply(Problem problem, ProblemInput input)
    {
        problem.Title = input.Title!.Trim();
        problem.Description = Clean(input.Description);
        problem.AreaCodes = string.Join(',', AreaDirectory.SplitCodes(input.AreaCodes));
        problem.Priority = input.Priority;
        problem.PriorityAreas = string.Join(',', (input.PriorityAreas ?? []).Distinct().Order());
        problem.FocusAreas = string.Join(',', (input.FocusAreas ?? []).Distinct().Order());
        problem.Perspectives = string.Join(',', (input.Perspectives ?? []).Distinct());
    }

    private static void Apply(Cause cause, CauseInput input)
    {
        (cause.Text, cause.ParentId, cause.Side, cause.Level, cause.Kind) = (input.Text!.Trim(), input.ParentId, input.Side, input.Level, input.Kind);
        (cause.EvidenceKind, cause.Evidence, cause.Certainty) = (input.EvidenceKind, Clean(input.Evidence), input.Certainty);
    }

    /// <summary>
    /// Copies the input; <paramref name="columns"/> is given when an incident baseline is to be counted (again), and a survey
    /// goal without a typed baseline starts from <paramref name="survey"/>'s latest value.
    /// </summary>
    private void Apply(Goal goal, GoalInput input, IncidentColumns? columns, IndicatorSeries? survey)
    {
        (goal.Text, goal.IndicatorKind, goal.IndicatorQuery) = (input.Text!.Trim(), input.Kind, Clean(input.Indicator));
        goal.ReportedBy = input.Kind == IndicatorKind.Manual ? Clean(input.ReportedBy) : "";
        (goal.Target, goal.TargetDate, goal.LowerIsBetter) = (input.Target, input.TargetDate, input.LowerIsBetter);
        if (input.Kind != IndicatorKind.Incidents)
        {
            goal.Baseline = input.Baseline ?? survey!.LatestShown!.Value!.Value;
        }
        else if (columns is not null)
        {
            var year = Today().Year - 1;
            goal.Baseline = ActionPlans.ActionPlans.IndicatorValue(columns, Query(columns, goal.IndicatorQuery).Filter!, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }
    }

    private async Task<(T?, Dictionary<string, string>)> SaveAsync<T>(T saved, string what, string pronoun, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (saved, []);
        }
        catch (DbUpdateException)
        {
            // The revision moved between reading and writing (a concurrency token), or a first orsaksanalys was created at the same moment.
            db.ChangeTracker.Clear();
            return (null, Conflict(what, pronoun));
        }
    }

    /// <summary>Incident filters from a stored query string, or the Swedish reason they do not fit the data.</summary>
    private static (IncidentFilter? Filter, string? Error) Query(IncidentColumns columns, string query)
    {
        var (parameters, error) = IncidentQueryParameters.Parse(query);
        if (error is not null)
        {
            return (null, error);
        }

        var (filter, problems) = parameters.Parse(columns);
        return problems.Count > 0 ? (null, string.Join(" ", problems.SelectMany(p => p.Value))) : (filter, null);
    }

    private static Dictionary<string, string> Conflict(string what, string pronoun) => new()
    {
        ["revision"] = $"Någon annan har sparat {what} sedan du öppnade {pronoun}. Dina ändringar är inte sparade. Ladda sidan på nytt för att se deras ändringar, och gör dina igen om de behövs.",
    };

    private DateOnly Today() => DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime));

    private static string Clean(string? text) => text?.Trim() ?? "";

    private static string Quoted(IEnumerable<string> texts) => string.Join(", ", texts.Select(t => $"\"{t}\""));


    private static string Fingerprint(params object?[] values)
    {
        var text = string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
