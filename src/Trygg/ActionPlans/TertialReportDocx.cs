using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Documents;
using Trygg.FollowUp;
using Trygg.Geography;
using Trygg.Problems;
using Trygg.SituationReports;

namespace Trygg.ActionPlans;

/// <summary>
/// The tertial report as a Word document, for one plan or for the municipality (a summary of all plans, then each plan): the
/// plan's light (derived, never typed), each measure's status and its owner's comment for the tertial, the goals' indicators
/// against baseline and target, the gaps in the chain and the measures not reported.
/// </summary>
public sealed class TertialReportDocx(AppDbContext db, ActionPlans plans, Incidents.IncidentStore store, TimeProvider time)
{
    /// <summary>A new element each time: an OpenXml element belongs to one document.</summary>
    private static Style Heading2 => Docx.ParagraphStyle("Heading2", "heading 2", 13, bold: true, colour: "1F4E8C", before: 240, after: 80, outline: 1);

    /// <summary>The plan's report, or null when there is no such plan.</summary>
    public async Task<byte[]?> PlanAsync(int planId, Tertial tertial, CancellationToken cancellationToken = default)
    {
        if (await plans.TreeAsync(planId, cancellationToken) is not var (plan, problems))
        {
            return null;
        }

        var context = await ContextAsync(tertial, [(plan, problems)], cancellationToken);
        return Docx.Write($"Tertialrapport {tertial}: {plan.Title}", updateFieldsOnOpen: false, (_, body) =>
        {
            body.Append(Docx.Paragraph(plan.Title, "Title"));
            body.Append(Docx.Paragraph($"Tertialrapport · {context.Name} ({context.Dates}) · {context.Written}", "Subtitle"));
            AppendPlan(body, plan, problems, context, "Heading1");
            body.Append(Docx.Paragraph(context.Source, "Caption"));
        }, Heading2);
    }

    /// <summary>The municipality's report: every plan in a summary table, then a section per plan.</summary>
    public async Task<byte[]> MunicipalityAsync(Tertial tertial, CancellationToken cancellationToken = default)
    {
        var trees = new List<(ActionPlan, List<Problem>)>();
        foreach (var id in await db.ActionPlans.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken))
        {
            trees.Add((await plans.TreeAsync(id, cancellationToken))!.Value);
        }

        trees = trees.OrderBy(t => t.Item1.Title, AreaDirectory.SwedishOrder).ToList();
        var context = await ContextAsync(tertial, trees, cancellationToken);
        var municipality = (await AreaDirectory.LoadAsync(db, cancellationToken)).Current(AreaLevel.Municipality).FirstOrDefault()?.Name ?? "Kommunen";
        return Docx.Write($"Tertialrapport {tertial}: {municipality}", updateFieldsOnOpen: false, (_, body) =>
        {
            body.Append(Docx.Paragraph($"Tertialrapport {context.Name}", "Title"));
            body.Append(Docx.Paragraph($"{municipality} · alla åtgärdsplaner · {context.Dates} · {context.Written}", "Subtitle"));
            body.Append(Docx.Paragraph("Sammanställning", "Heading1"));
            if (trees.Count == 0)
            {
                body.Append(Docx.Paragraph("Det finns inga åtgärdsplaner.", "Missing"));
            }
            else
            {
                var lights = trees.Select(t => PlanReview.Light(t.Item1, tertial)).ToList();
                List<IReadOnlyList<string>> rows = [["Plan", "Läge", "Åtgärder", "Rapporterade", "Ej rapporterade"]];
                rows.AddRange(trees.Select((t, i) => (IReadOnlyList<string>)
                [
                    t.Item1.Title, LightText(lights[i]), Number(t.Item1.Measures.Count),
                    Number(t.Item1.Measures.Count(m => m.Updates.Any(u => u.Tertial == tertial.ToString()))),
                    Number(t.Item1.Measures.Count(m => PlanReview.AwaitsFollowUp(m, tertial))),
                ]));
                body.Append(Docx.Table(rows, (row, column) => column == 1 ? LightFill(lights[row - 1]) : null));
                body.Append(Docx.Paragraph("Rapporterade: åtgärder med uppföljning för tertialet. Ej rapporterade: åtgärder som pågår under tertialet men saknar uppföljning.", "Caption"));
            }

            foreach (var (plan, problems) in trees)
            {
                body.Append(Docx.Paragraph(plan.Title, "Heading1"));
                AppendPlan(body, plan, problems, context, "Heading2");
            }

            body.Append(Docx.Paragraph(context.Source, "Caption"));
        }, Heading2);
    }

    private static void AppendPlan(Body body, ActionPlan plan, List<Problem> problems, ReportContext context, string heading)
    {
        var tertial = context.Tertial;
        var light = PlanReview.Light(plan, tertial);
        body.Append(Docx.Paragraph($"Ansvarig: {context.Organisation(plan.OwnerOrganisationId)}. {Adoption(plan)}"));
        body.Append(Docx.Paragraph($"Planens läge {tertial}: {LightText(light)}. Läget räknas fram ur åtgärdernas uppföljning och datum: det sämsta av åtgärdernas ljus."));

        body.Append(Docx.Paragraph("Åtgärder", heading));
        var measures = plan.Measures.OrderBy(m => m.Start).ThenBy(m => m.Id).ToList();
        if (measures.Count == 0)
        {
            body.Append(Docx.Paragraph("Planen har inga åtgärder.", "Missing"));
        }
        else
        {
            var lights = measures.Select(m => PlanReview.Light(m, tertial)).ToList();
            List<IReadOnlyList<string>> rows = [["Åtgärd", "Ansvarig", $"Status {tertial}", "Ägarens kommentar", "Läge"]];
            rows.AddRange(measures.Select((m, i) => (IReadOnlyList<string>)
            [
                m.Title, context.Organisation(m.ResponsibleOrganisationId), StatusIn(m, tertial),
                m.Updates.FirstOrDefault(u => u.Tertial == tertial.ToString())?.Comment ?? "", LightText(lights[i]),
            ]));
            body.Append(Docx.Table(rows, (row, column) => column == 4 ? LightFill(lights[row - 1]) : null));
        }

        body.Append(Docx.Paragraph("Mål och indikatorer", heading));
        var goals = problems.SelectMany(p => p.Goals).OrderBy(g => g.Id).ToList();
        if (goals.Count == 0)
        {
            body.Append(Docx.Paragraph("Planens problem har inga mål.", "Missing"));
        }
        else
        {
            List<IReadOnlyList<string>> rows = [["Mål", "Utgångsvärde", "Målvärde", $"Värde {tertial}", "Mot målet"]];
            rows.AddRange(goals.Select(g => GoalRow(g, context)));
            body.Append(Docx.Table(rows));
            body.Append(Docx.Paragraph(
                $"Händelseindikatorer räknas ur polisens händelser under de senaste 12 månaderna till tertialets slut eller datats slut ({context.IndicatorWindow}), "
                + "så att de kan jämföras med utgångsvärdet, som är ett helt år. Enkät- och manuella indikatorer visar värdet som rapporterats för tertialet.", "Caption"));
        }

        body.Append(Docx.Paragraph("Luckor i kedjan", heading));
        var gaps = PlanReview.Gaps(plan, problems, tertial);
        body.Append(gaps.Count == 0
            ? [Docx.Paragraph("Inga luckor: varje åtgärd riktar sig mot en orsak, varje orsak har en åtgärd och allt är uppföljt för tertialet.")]
            : gaps.Select(g => Docx.Paragraph("• " + g.Message, "ListParagraph")).ToArray());

        body.Append(Docx.Paragraph("Ej rapporterade åtgärder", heading));
        var unreported = measures.Where(m => PlanReview.AwaitsFollowUp(m, tertial)).ToList();
        body.Append(unreported.Count == 0
            ? [Docx.Paragraph($"Alla åtgärder som pågår under {tertial} är rapporterade.")]
            : unreported.Select(m => Docx.Paragraph($"• {m.Title} – {context.Organisation(m.ResponsibleOrganisationId)}", "ListParagraph")).ToArray());
    }

    /// <summary>
    /// What the report shows besides the plans: organisation names, the period, and each goal's value — an incident indicator
    /// counted over the 12 months up to the tertial's end (or the data's, if earlier) to compare with its yearly baseline, a
    /// survey or manual one as reported for the tertial.
    /// </summary>
    private async Task<ReportContext> ContextAsync(Tertial tertial, IReadOnlyList<(ActionPlan Plan, List<Problem> Problems)> trees, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var goals = trees.SelectMany(t => t.Problems).SelectMany(p => p.Goals).DistinctBy(g => g.Id).ToList();
        var goalIds = goals.Select(g => g.Id).ToList();
        var reported = await db.GoalValues.AsNoTracking().Where(v => v.Tertial == tertial.ToString() && goalIds.Contains(v.GoalId)).ToListAsync(cancellationToken);
        var values = reported.ToDictionary(v => v.GoalId, v => (v.Value, Basis: $"rapporterat av {v.ReportedBy}"));

        var columns = await store.GetAsync(db, cancellationToken);
        var to = columns.Count == 0 ? tertial.End : new[] { tertial.End, DateOnly.FromDateTime(Incidents.IncidentColumns.FromMinutes(columns.Minutes[^1])) }.Min();
        var from = to.AddYears(-1).AddDays(1);
        var window = $"{from.ToString("d MMM yyyy", Docx.Swedish)} – {to.ToString("d MMM yyyy", Docx.Swedish)}";
        foreach (var goal in goals.Where(g => g.IndicatorKind == IndicatorKind.Incidents))
        {
            var (parameters, error) = Incidents.IncidentQueryParameters.Parse(goal.IndicatorQuery);
            var (filter, problems) = parameters.Parse(columns);
            if (error is null && problems.Count == 0)
            {
                values[goal.Id] = (ActionPlans.IndicatorValue(columns, filter, from, to), $"händelser {window}");
            }
        }

        var now = SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime);
        return new ReportContext(tertial, organisations, values, window,
            new ReportPeriod(tertial.Start, tertial.End).Text, $"{tertial.Start.ToString("d MMMM", Docx.Swedish)}–{tertial.End.ToString("d MMMM yyyy", Docx.Swedish)}",
            $"uppgifter per {now.ToString("d MMMM yyyy", Docx.Swedish)}",
            $"Källa: Trygg, uppgifterna hämtade {now.ToString("d MMMM yyyy 'kl.' HH:mm", Docx.Swedish)}. Trafikljusen och luckorna räknas fram ur planens uppföljning; händelseindikatorerna ur polisens händelsenotiser.");
    }

    private static IReadOnlyList<string> GoalRow(Goal goal, ReportContext context)
    {
        var target = $"{Number(goal.Target)} senast {goal.TargetDate.ToString("d MMMM yyyy", Docx.Swedish)}";
        if (!context.Values.TryGetValue(goal.Id, out var value))
        {
            return [goal.Text, Number(goal.Baseline), target, "ej rapporterat", "–"];
        }

        var reached = goal.LowerIsBetter ? value.Value <= goal.Target : value.Value >= goal.Target;
        return [goal.Text, Number(goal.Baseline), target, $"{Number(value.Value)} ({value.Basis})", reached ? "Nått" : "Inte nått"];
    }

    /// <summary>The measure's status for the tertial: its report, "Ej rapporterat" when it owes one, else the latest earlier report or where it stands.</summary>
    private static string StatusIn(Measure measure, Tertial tertial)
    {
        if (measure.Updates.FirstOrDefault(u => u.Tertial == tertial.ToString()) is { } update)
        {
            return PlanText.Status(update.Status);
        }

        if (PlanReview.AwaitsFollowUp(measure, tertial))
        {
            return "Ej rapporterat";
        }

        if (measure.Updates.Where(u => string.CompareOrdinal(u.Tertial, tertial.ToString()) < 0).MaxBy(u => u.Tertial) is { } earlier)
        {
            return $"{PlanText.Status(earlier.Status)} (enligt {earlier.Tertial})";
        }

        return measure.Start > tertial.End ? "Ej påbörjad" : PlanText.Status(measure.Status);
    }

    private static string Adoption(ActionPlan plan) => plan.Status == PlanStatus.Adopted
        ? $"Version {plan.Version}, antagen av {plan.Committee} {plan.AdoptedOn?.ToString("d MMMM yyyy", Docx.Swedish)}, dnr {plan.DiaryNumber}."
        : $"Version {plan.Version}, {PlanText.Status(plan.Status).ToLower(Docx.Swedish)}: ej antagen.";

    /// <summary>"Rött – behöver åtgärdas": the colour in words too, for a report printed in black and white.</summary>
    private static string LightText(TrafficLight light) => $"{PlanText.Colour(light)} – {PlanText.Light(light).ToLower(Docx.Swedish)}";

    private static string LightFill(TrafficLight light) => light switch
    {
        TrafficLight.Green => "C6EFCE",
        TrafficLight.Yellow => "FFEB9C",
        TrafficLight.Red => "FFC7CE",
        _ => "E7E6E6",
    };

    /// <summary>Whole numbers as "1 234", a survey's share as "62,5".</summary>
    private static string Number(double value) => value.ToString("#,##0.##", Docx.Swedish);

    private sealed record ReportContext(Tertial Tertial, IReadOnlyDictionary<int, string> Organisations, IReadOnlyDictionary<int, (double Value, string Basis)> Values,
        string IndicatorWindow, string Name, string Dates, string Written, string Source)
    {
        public string Organisation(int? id) => id is { } value && Organisations.TryGetValue(value, out var name) ? name : FollowUpReminders.NoOrganisation;
    }
}
