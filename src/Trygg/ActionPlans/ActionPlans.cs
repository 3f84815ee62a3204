using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.ActionPlans;

/// <summary>
/// Plans, measures and follow-up (problems, causes and goals are <see cref="ProblemWork"/>'s): the rules every page, the API
/// and the demo data go through. Each change is validated with Swedish messages per field and saved whole or not at all; a
/// measure saved from an older revision is a conflict, not an overwrite; a change to an adopted plan starts its next version.
/// </summary>
public sealed class ActionPlans(AppDbContext db, TimeProvider time)
{
    /// <summary>An incident indicator's value over a period: the number of incidents its query selects, counted, never typed.</summary>
    public static double IndicatorValue(Incidents.IncidentColumns columns, Incidents.IncidentFilter filter, DateOnly from, DateOnly to) =>
        new Incidents.IncidentQuery(columns).Count(filter with { From = from, To = to });

    public async Task<(ActionPlan? Plan, Dictionary<string, string> Errors)> CreatePlanAsync(string? title, int? ownerOrganisationId, IReadOnlyList<int> problemIds, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = "Ge planen en rubrik.";
        }

        if (ownerOrganisationId is { } owner && !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors["owner"] = "Organisationen finns inte.";
        }

        var found = await db.Problems.Where(p => problemIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        if (problemIds.Count == 0 || found.Count < problemIds.Distinct().Count())
        {
            errors["problems"] = problemIds.Count == 0 ? "En plan svarar mot minst ett problem." : "Ett av problemen finns inte.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var plan = new ActionPlan
        {
            Title = title!.Trim(), OwnerOrganisationId = ownerOrganisationId, CreatedAt = now, UpdatedAt = now,
            Problems = found.Select(id => new ActionPlanProblem { ProblemId = id }).ToList(),
        };
        db.ActionPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return (plan, errors);
    }

    /// <summary>
    /// Adds (no <paramref name="measureId"/>) or changes a measure. <paramref name="revision"/> is the revision the person
    /// started from: if someone saved in between, nothing is written and the answer says so.
    /// </summary>
    public async Task<(Measure? Measure, Dictionary<string, string> Errors)> SaveMeasureAsync(int planId, int? measureId, int? revision, MeasureInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var plan = await db.ActionPlans.Include(p => p.Problems).FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return (null, new() { ["plan"] = "Planen finns inte." });
        }

        var measure = measureId is null ? null : await db.Measures.Include(m => m.Causes).FirstOrDefaultAsync(m => m.Id == measureId && m.ActionPlanId == planId, cancellationToken);
        if (measureId is not null && measure is null)
        {
            return (null, new() { ["measure"] = "Åtgärden finns inte i planen." });
        }

        if (measure is not null && revision != measure.Revision)
        {
            return (null, new() { ["revision"] = "Någon annan har sparat åtgärden sedan du öppnade den. Öppna den igen för att se deras ändringar; dina ändringar är inte sparade." });
        }

        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = "Ge åtgärden en rubrik.";
        }

        if (input.End < input.Start)
        {
            errors["end"] = "Åtgärden slutar innan den börjar.";
        }

        if (input.BudgetSek < 0)
        {
            errors["budget"] = "Budgeten kan inte vara negativ.";
        }

        if (input.StaffHours < 0)
        {
            errors["staffHours"] = "Arbetstiden kan inte vara negativ.";
        }

        var problemIds = plan.Problems.Select(p => p.ProblemId).ToList();
        var causes = await db.Causes.Where(c => input.CauseIds.Contains(c.Id)).Select(c => new { c.Id, c.ProblemId }).ToListAsync(cancellationToken);
        if (causes.Count < input.CauseIds.Distinct().Count() || causes.Any(c => !problemIds.Contains(c.ProblemId)))
        {
            errors["causes"] = "En åtgärd kan bara rikta sig mot orsaker till planens problem.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (measure is null)
        {
            measure = new Measure { Title = "", ActionPlanId = planId };
            db.Measures.Add(measure);
        }

        StartNextVersionIfAdopted(plan);
        measure.Title = input.Title!.Trim();
        measure.Description = input.Description?.Trim() ?? "";
        measure.Kind = input.Kind;
        measure.FocusArea = input.FocusArea;
        measure.ResponsibleOrganisationId = input.ResponsibleOrganisationId;
        measure.Partners = input.Partners?.Trim() ?? "";
        measure.TargetGroup = input.TargetGroup?.Trim() ?? "";
        measure.AreaCodes = input.AreaCodes ?? "";
        (measure.Start, measure.End) = (input.Start, input.End);
        (measure.BudgetSek, measure.StaffHours) = (input.BudgetSek, input.StaffHours);
        (measure.ExpectedShortTerm, measure.ExpectedLongTerm) = (input.ExpectedShortTerm?.Trim() ?? "", input.ExpectedLongTerm?.Trim() ?? "");
        measure.GoalIds = input.GoalIds ?? "";
        measure.Perspectives = input.Perspectives ?? "";
        measure.Causes = input.CauseIds.Distinct().Select(id => new MeasureCause { CauseId = id }).ToList();
        measure.Revision++;
        plan.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, new() { ["revision"] = "Någon annan sparade åtgärden samtidigt. Öppna den igen för att se deras ändringar; dina ändringar är inte sparade." });
        }

        return (measure, errors);
    }

    /// <summary>The responsible organisation's follow-up of a measure for a tertial; reporting again replaces the earlier report.</summary>
    public async Task<Dictionary<string, string>> ReportAsync(int measureId, string? tertial, MeasureStatus status, string? comment, string userName, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var measure = await db.Measures.Include(m => m.Updates).FirstOrDefaultAsync(m => m.Id == measureId, cancellationToken);
        if (measure is null)
        {
            return new() { ["measure"] = "Åtgärden finns inte." };
        }

        if (!Tertial.TryParse(tertial, out var parsed))
        {
            errors["tertial"] = $"Tertialet '{tertial}' kan inte tolkas. Skriv t.ex. 2025-T2.";
        }
        else if (parsed.Start > DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime)))
        {
            errors["tertial"] = "Ett tertial som inte har börjat kan inte följas upp.";
        }

        if (status is MeasureStatus.Paused or MeasureStatus.Cancelled && string.IsNullOrWhiteSpace(comment))
        {
            errors["comment"] = "Skriv varför åtgärden är pausad eller inställd.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var update = measure.Updates.FirstOrDefault(u => u.Tertial == parsed.ToString());
        if (update is null)
        {
            update = new MeasureUpdate { Tertial = parsed.ToString() };
            measure.Updates.Add(update);
        }

        (update.Status, update.Comment, update.ReportedBy, update.ReportedAt) = (status, comment?.Trim() ?? "", userName, time.GetUtcNow());
        if (measure.Updates.MaxBy(u => u.Tertial) == update)
        {
            measure.Status = status;
        }

        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>A plan with its problems (their causes and goals) and measures (their causes and follow-up), read-only.</summary>
    public async Task<(ActionPlan Plan, List<Problem> Problems)?> TreeAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Problems)
            .Include(p => p.Measures).ThenInclude(m => m.Causes)
            .Include(p => p.Measures).ThenInclude(m => m.Updates)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var ids = plan.Problems.Select(p => p.ProblemId).ToList();
        var problems = await db.Problems.AsNoTracking().Include(p => p.Causes).Include(p => p.Goals).Include(p => p.Analysis)
            .AsSplitQuery().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return (plan, problems);
    }

    /// <summary>The tertial being followed up: the one a date falls in.</summary>
    public Tertial CurrentTertial() => Tertial.Of(DateOnly.FromDateTime(SwedishTime.ToLocal(time.GetUtcNow().UtcDateTime)));

    private static void StartNextVersionIfAdopted(ActionPlan plan)
    {
        if (plan.Status == PlanStatus.Adopted)
        {
            plan.Version++;
            (plan.Status, plan.Committee, plan.AdoptedOn, plan.DiaryNumber) = (PlanStatus.Draft, null, null, null);
        }
    }
}

public sealed record MeasureInput(string? Title, DateOnly Start, DateOnly End, IReadOnlyList<int> CauseIds, PreventionKind Kind = PreventionKind.Situational,
    string? Description = null, int? FocusArea = null, int? ResponsibleOrganisationId = null, string? Partners = null, string? TargetGroup = null,
    string? AreaCodes = null, decimal BudgetSek = 0, int StaffHours = 0, string? ExpectedShortTerm = null, string? ExpectedLongTerm = null,
    string? GoalIds = null, string? Perspectives = null);
