using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Geography;
using Trygg.Problems;
using Trygg.Security;

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
        var errors = await ValidatePlanAsync(title, ownerOrganisationId, problemIds, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow();
        var plan = new ActionPlan
        {
            Title = title!.Trim(), OwnerOrganisationId = ownerOrganisationId, CreatedAt = now, UpdatedAt = now,
            Problems = problemIds.Distinct().Select(id => new ActionPlanProblem { ProblemId = id }).ToList(),
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

        PersonalData.Refuse(errors, ("title", input.Title), ("description", input.Description), ("partners", input.Partners), ("targetGroup", input.TargetGroup),
            ("expectedShortTerm", input.ExpectedShortTerm), ("expectedLongTerm", input.ExpectedLongTerm));

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

        var goalIds = (input.GoalIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (goalIds.Count > 0 && await db.Goals.CountAsync(g => goalIds.Contains(g.Id) && problemIds.Contains(g.ProblemId), cancellationToken) < goalIds.Distinct().Count())
        {
            errors["goals"] = "En åtgärd kan bara följas med indikatorer för planens mål.";
        }

        var directory = await AreaDirectory.LoadAsync(db, cancellationToken);
        if (directory.UnknownCodes(input.AreaCodes) is { } unknownAreas)
        {
            errors["areas"] = unknownAreas;
        }

        if (input.ResponsibleOrganisationId is { } responsible && !await db.Organisations.AnyAsync(o => o.Id == responsible, cancellationToken))
        {
            errors["responsible"] = "Organisationen finns inte.";
        }

        if (input.FocusArea is { } focus && !await db.FocusAreas.AnyAsync(f => f.Number == focus, cancellationToken))
        {
            errors["focusArea"] = "Fokusområdet finns inte.";
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
        measure.AreaCodes = string.Join(',', AreaDirectory.SplitCodes(input.AreaCodes));
        (measure.Start, measure.End) = (input.Start, input.End);
        (measure.BudgetSek, measure.StaffHours) = (input.BudgetSek, input.StaffHours);
        (measure.ExpectedShortTerm, measure.ExpectedLongTerm) = (input.ExpectedShortTerm?.Trim() ?? "", input.ExpectedLongTerm?.Trim() ?? "");
        measure.GoalIds = string.Join(',', goalIds.Distinct());
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
            errors["tertial"] = Tertial.CannotRead(tertial);
        }
        else if (parsed.Start > SwedishTime.Today(time))
        {
            errors["tertial"] = "Ett tertial som inte har börjat kan inte följas upp.";
        }

        if (status is MeasureStatus.Paused or MeasureStatus.Cancelled && string.IsNullOrWhiteSpace(comment))
        {
            errors["comment"] = "Skriv varför åtgärden är pausad eller inställd.";
        }

        PersonalData.Refuse(errors, ("comment", comment));

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
        var problems = await db.Problems.AsNoTracking().Include(p => p.Causes).Include(p => p.Goals).ThenInclude(g => g.Values).Include(p => p.Analysis)
            .AsSplitQuery().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return (plan, problems);
    }

    /// <summary>The tertial being followed up: the one a date falls in.</summary>
    public Tertial CurrentTertial() => Tertial.Of(SwedishTime.Today(time));

    /// <summary>Changes the plan's title, owner and the problems it answers; a change to an adopted plan starts its next version.</summary>
    public async Task<Dictionary<string, string>> UpdatePlanAsync(int planId, string? title, int? ownerOrganisationId, IReadOnlyList<int> problemIds, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.Include(p => p.Problems).Include(p => p.Measures).ThenInclude(m => m.Causes).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return new() { ["plan"] = "Planen finns inte." };
        }

        var errors = await ValidatePlanAsync(title, ownerOrganisationId, problemIds, cancellationToken);
        var kept = problemIds.ToHashSet();
        var causeIds = plan.Measures.SelectMany(m => m.Causes).Select(c => c.CauseId).ToList();
        var targeted = await db.Causes.Where(c => causeIds.Contains(c.Id) && !kept.Contains(c.ProblemId))
            .Select(c => c.Text).Distinct().ToListAsync(cancellationToken);
        if (targeted.Count > 0)
        {
            errors["problems"] = $"Planens åtgärder riktar sig mot orsaker till problemet som tas bort ({string.Join("; ", targeted)}). Ändra åtgärderna först.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        StartNextVersionIfAdopted(plan);
        plan.Title = title!.Trim();
        plan.OwnerOrganisationId = ownerOrganisationId;
        plan.Problems.RemoveAll(p => !kept.Contains(p.ProblemId));
        plan.Problems.AddRange(kept.Where(id => plan.Problems.All(p => p.ProblemId != id)).Select(id => new ActionPlanProblem { ProblemId = id }));
        plan.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<string?> SubmitForReviewAsync(int planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.ActionPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan?.Status != PlanStatus.Draft)
        {
            return plan is null ? "Planen finns inte." : "Bara ett utkast kan skickas på granskning.";
        }

        plan.Status = PlanStatus.InReview;
        plan.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Adopts the plan: records the committee's decision and freezes this version's whole tree, so that what was decided can
    /// always be shown. A plan without measures is not a plan yet. Returns what is wrong, per field.
    /// </summary>
    public async Task<Dictionary<string, string>> AdoptAsync(int planId, string? committee, DateOnly? adoptedOn, string? diaryNumber, string userName, CancellationToken cancellationToken = default)
    {
        if (await TreeAsync(planId, cancellationToken) is not var (tree, problems))
        {
            return new() { ["plan"] = "Planen finns inte." };
        }

        var errors = Adoption.Validate(tree.Status == PlanStatus.Adopted, committee, adoptedOn, diaryNumber, SwedishTime.Today(time), "planen");
        if (tree.Measures.Count == 0)
        {
            errors["measures"] = "En plan utan åtgärder kan inte antas.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var plan = await db.ActionPlans.SingleAsync(p => p.Id == planId, cancellationToken);
        (plan.Status, plan.Committee, plan.AdoptedOn, plan.DiaryNumber) = (PlanStatus.Adopted, committee!.Trim(), adoptedOn, diaryNumber!.Trim());
        plan.UpdatedAt = time.GetUtcNow();
        (tree.Status, tree.Committee, tree.AdoptedOn, tree.DiaryNumber) = (plan.Status, plan.Committee, plan.AdoptedOn, plan.DiaryNumber);
        db.ActionPlanVersions.Add(new ActionPlanVersion
        {
            ActionPlanId = planId, Number = plan.Version, Committee = plan.Committee, AdoptedOn = plan.AdoptedOn, DiaryNumber = plan.DiaryNumber,
            FrozenAt = plan.UpdatedAt, FrozenBy = userName, TreeJson = PlanTree.Of(tree, problems).ToJson(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public Task<List<ActionPlanVersion>> VersionsAsync(int planId, CancellationToken cancellationToken = default) =>
        db.ActionPlanVersions.AsNoTracking().Where(v => v.ActionPlanId == planId).OrderBy(v => v.Number).ToListAsync(cancellationToken);

    private async Task<Dictionary<string, string>> ValidatePlanAsync(string? title, int? ownerOrganisationId, IReadOnlyList<int> problemIds, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = "Ge planen en rubrik.";
        }

        PersonalData.Refuse(errors, ("title", title));

        if (ownerOrganisationId is { } owner && !await db.Organisations.AnyAsync(o => o.Id == owner, cancellationToken))
        {
            errors["owner"] = "Organisationen finns inte.";
        }

        var found = await db.Problems.CountAsync(p => problemIds.Contains(p.Id), cancellationToken);
        if (problemIds.Count == 0 || found < problemIds.Distinct().Count())
        {
            errors["problems"] = problemIds.Count == 0 ? "En plan svarar mot minst ett problem." : "Ett av problemen finns inte.";
        }

        return errors;
    }

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
