using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.Documents;
using Trygg.Geography;
using Trygg.SituationReports;

namespace Trygg.Problems;

/// <summary>
/// A problem's orsaksanalys as a Word document, in the order BRÅ's handbook works through it: the problem (what, where, when,
/// who, priority, areas), the crime triangle with its controllers and what is missing, the causes as a fishbone (victim,
/// offender, place) and as a cause tree, risk and protective factors by level, each cause's evidence and certainty, and the goals.
/// </summary>
public sealed class RootCauseDocx(AppDbContext db, TimeProvider time)
{
    private static readonly CauseSide[] Sides = [CauseSide.Victim, CauseSide.Offender, CauseSide.Place];

    /// <summary>The document, or null when there is no such problem.</summary>
    public async Task<byte[]?> WriteAsync(int problemId, CancellationToken cancellationToken = default)
    {
        var problem = await db.Problems.AsNoTracking().Include(p => p.Analysis).Include(p => p.Causes).Include(p => p.Goals)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return null;
        }

        var facts = await FactsAsync(problem, cancellationToken);
        var causes = problem.Causes.OrderBy(c => c.Id).ToList();
        var written = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime).ToString("d MMMM yyyy", Docx.Swedish);
        return Docx.Write($"Orsaksanalys: {problem.Title}", updateFieldsOnOpen: false, (_, body) =>
        {
            body.Append(Docx.Paragraph(problem.Title, "Title"));
            body.Append(Docx.Paragraph($"Orsaksanalys · prioritet {problem.Priority} · {facts[0][1]} · uppgifter per {written}", "Subtitle"));

            body.Append(Docx.Paragraph("Problemet", "Heading1"));
            body.Append(problem.Description.Length == 0 ? Docx.Paragraph("Problemet är inte beskrivet.", "Missing") : Docx.Paragraph(problem.Description));
            body.Append(Docx.Table([["Uppgift", "Värde"], .. facts]));

            body.Append(Docx.Paragraph("Problemtriangeln", "Heading1"));
            AppendTriangle(body, problem.Analysis);

            AppendCauses(body, problem.Title, causes);

            body.Append(Docx.Paragraph("Mål", "Heading1"));
            if (problem.Goals.Count == 0)
            {
                body.Append(Docx.Paragraph("Problemet har inga mål.", "Missing"));
            }
            else
            {
                List<IReadOnlyList<string>> goals = [["Mål", "Indikator", "Utgångsvärde", "Målvärde", "Senast"]];
                goals.AddRange(problem.Goals.OrderBy(g => g.Id).Select(g => (IReadOnlyList<string>)
                [
                    g.Text, Indicator(g), g.Baseline.ToString("#,##0.##", Docx.Swedish),
                    $"{g.Target.ToString("#,##0.##", Docx.Swedish)} ({(g.LowerIsBetter ? "lägre är bättre" : "högre är bättre")})", g.TargetDate.ToString("d MMMM yyyy", Docx.Swedish),
                ]));
                body.Append(Docx.Table(goals));
            }

            body.Append(Docx.Paragraph($"Källa: Trygg, uppgifterna hämtade {written}.", "Caption"));
        });
    }

    /// <summary>The causes four ways: the fishbone (a column per side), the cause tree, risk and protective factors by level, and their evidence.</summary>
    private static void AppendCauses(Body body, string title, List<Cause> causes)
    {
        body.Append(Docx.Paragraph("Fiskbensdiagram", "Heading1"));
        if (causes.Count == 0)
        {
            body.Append(Docx.Paragraph("Inga orsaker är beskrivna ännu: fiskbenet, orsaksträdet och risk- och skyddsfaktorerna fylls i med dem.", "Missing"));
            return;
        }

        var bones = Sides.Select(side => causes.Where(c => c.Side == side).Select(c => c.Text).ToList()).ToList();
        List<IReadOnlyList<string>> rows = [Sides.Select(PlanText.Side).ToList()];
        rows.AddRange(Enumerable.Range(0, bones.Max(b => b.Count)).Select(i => (IReadOnlyList<string>)bones.Select(b => i < b.Count ? b[i] : "").ToList()));
        body.Append(Docx.Table(rows));
        body.Append(Docx.Paragraph($"Orsakerna till \"{title}\" på fiskbenets tre ben: offret eller målet, gärningspersonen och platsen.", "Caption"));

        body.Append(Docx.Paragraph("Orsaksträd", "Heading1"));
        AppendTree(body, causes);

        body.Append(Docx.Paragraph("Risk- och skyddsfaktorer", "Heading1"));
        List<IReadOnlyList<string>> levels = [["Nivå", "Riskfaktorer", "Skyddsfaktorer"]];
        levels.AddRange(Enum.GetValues<FactorLevel>().Select(level => (IReadOnlyList<string>)
        [
            PlanText.Level(level),
            .. Enum.GetValues<FactorKind>().Select(kind => string.Join("; ", causes.Where(c => c.Level == level && c.Kind == kind).Select(c => c.Text))),
        ]));
        body.Append(Docx.Table(levels));

        body.Append(Docx.Paragraph("Underlag och säkerhet", "Heading1"));
        List<IReadOnlyList<string>> evidence = [["Orsak", "Slag av underlag", "Underlag", "Säkerhet"]];
        evidence.AddRange(causes.Select(c => (IReadOnlyList<string>)[c.Text, PlanText.Evidence(c.EvidenceKind), c.Evidence.Length == 0 ? "saknas" : c.Evidence, PlanText.Certainty(c.Certainty)]));
        body.Append(Docx.Table(evidence));
        if (causes.Any(c => c.EvidenceKind == EvidenceKind.Query))
        {
            body.Append(Docx.Paragraph("En händelsefråga är ett filter på händelserna i Trygg (/incidents?…) och visar alltid det aktuella antalet.", "Caption"));
        }
    }

    /// <summary>The problem's facts as rows: its areas first (the subtitle uses them), then priority, collaboration and focus areas, perspectives and the lägesbild.</summary>
    private async Task<List<IReadOnlyList<string>>> FactsAsync(Problem problem, CancellationToken cancellationToken)
    {
        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        var areas = Split(problem.AreaCodes).Select(code => directory.Find(code)?.Name ?? code).ToList();
        var priorityNumbers = Numbers(problem.PriorityAreas);
        var focusNumbers = Numbers(problem.FocusAreas);
        var priorityAreas = await db.PriorityAreas.AsNoTracking().Where(a => priorityNumbers.Contains(a.Number)).OrderBy(a => a.Number).Select(a => a.Name).ToListAsync(cancellationToken);
        var focusAreas = await db.FocusAreas.AsNoTracking().Where(a => focusNumbers.Contains(a.Number)).OrderBy(a => a.Number).Select(a => a.Name).ToListAsync(cancellationToken);
        var perspectives = Split(problem.Perspectives).Select(key => SituationReports.SituationReports.Perspectives.FirstOrDefault(p => p.Key == key).Title ?? key).ToList();
        var report = problem.SituationReportId is { } id
            ? await db.SituationReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        return
        [
            ["Område", areas.Count == 0 ? "hela kommunen" : string.Join(", ", areas)],
            ["Prioritet", problem.Priority == 1 ? "1 (högst)" : problem.Priority.ToString(Docx.Swedish)],
            ["Prioriterade samverkansområden", Listed(priorityAreas)],
            ["Fokusområden", Listed(focusAreas)],
            ["Perspektiv", Listed(perspectives)],
            ["Lägesbild", report ?? "–"],
        ];
    }

    /// <summary>The three sides of the triangle with the controller who could act on each, then what is missing, who took part and when.</summary>
    private static void AppendTriangle(Body body, RootCauseAnalysis? analysis)
    {
        if (analysis is null)
        {
            body.Append(Docx.Paragraph("Problemtriangeln är inte ifylld.", "Missing"));
            return;
        }

        body.Append(Docx.Table(
        [
            ["Sida", "Beskrivning", "Kontrollant", "Kontrollantens roll"],
            ["Gärningsperson", analysis.Offender, "Handledare", analysis.Handler],
            ["Offer eller mål", analysis.Target, "Väktare", analysis.Guardian],
            ["Plats", analysis.Place, "Platsansvarig", analysis.Manager],
        ]));
        body.Append(Docx.Paragraph($"Det som saknas: {Or(analysis.Missing, "inte angivet")}"));
        body.Append(Docx.Paragraph($"Deltagare: {Or(analysis.Participants, "inte angivna")}"));
        body.Append(Docx.Paragraph($"Datum: {analysis.HeldOn?.ToString("d MMMM yyyy", Docx.Swedish) ?? "inte angivet"}"));
    }

    /// <summary>Each cause under the one it explains further, indented a step per level; a cause whose parent is gone stands as a root.</summary>
    private static void AppendTree(Body body, List<Cause> causes)
    {
        var ids = causes.Select(c => c.Id).ToHashSet();
        var children = causes.ToLookup(c => c.ParentId is { } parent && ids.Contains(parent) ? parent : (int?)null);
        void Append(Cause cause, int level, HashSet<int> seen)
        {
            if (!seen.Add(cause.Id))
            {
                return;
            }

            body.Append(Docx.Indented($"{(level == 0 ? "•" : "↳")} {cause.Text} ({PlanText.Side(cause.Side).ToLower(Docx.Swedish)}, {PlanText.Kind(cause.Kind).ToLower(Docx.Swedish)})", level));
            foreach (var child in children[cause.Id])
            {
                Append(child, level + 1, seen);
            }
        }

        var seen = new HashSet<int>();
        foreach (var root in children[null])
        {
            Append(root, 0, seen);
        }
    }

    private static string Indicator(Goal goal) => goal.IndicatorKind switch
    {
        IndicatorKind.Incidents => $"Händelser per år ({goal.IndicatorQuery})",
        IndicatorKind.Survey => $"Enkätindikator ({goal.IndicatorQuery})",
        IndicatorKind.Manual => $"Manuellt värde, rapporteras av {Or(goal.ReportedBy, "inte angivet")}",
    };

    private static string Listed(List<string> names) => names.Count == 0 ? "–" : string.Join(", ", names);

    private static string Or(string text, string missing) => string.IsNullOrWhiteSpace(text) ? missing : text;

    private static List<string> Split(string codes) => codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static List<int> Numbers(string numbers) =>
        Split(numbers).Select(n => int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0).ToList();
}
