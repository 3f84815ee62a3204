using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Web.Security;

namespace Trygg.Web.ActionPlans;

/// <summary>The plans' whole tree as JSON (problems, causes, goals, measures, follow-up, gaps, lights) and the measures across plans.</summary>
public static class ActionPlansApi
{
    public static IEndpointRouteBuilder MapActionPlansApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Åtgärdsplaner").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        api.MapGet("/plans", ListAsync).WithSummary("Alla åtgärdsplaner med status, version och trafikljus för tertialet (tertial=2025-T2, standard det pågående).");
        api.MapGet("/plans/{id:int}", TreeAsync).WithSummary("En plan med hela sitt träd: problem, orsaker, mål, åtgärder, uppföljning, luckor och trafikljus.");
        api.MapGet("/measures", MeasuresAsync).WithSummary("Åtgärder i alla planer, filtrerade på ansvarig organisation (organisation=id) och status (status=Ongoing).");
        return endpoints;
    }

    private static async Task<Results<Ok<List<PlanSummary>>, ValidationProblem>> ListAsync(string? tertial, AppDbContext db, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken)
    {
        if (!TryTertial(tertial, plans, out var current, out var problem))
        {
            return problem;
        }

        var all = await db.ActionPlans.AsNoTracking().Include(p => p.Measures).ThenInclude(m => m.Updates).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(all.OrderBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => new PlanSummary(p.Id, p.Title, p.Status.ToString(), p.Version, p.Measures.Count, PlanReview.Light(p, current).ToString())).ToList());
    }

    private static async Task<Results<Ok<object>, NotFound, ValidationProblem>> TreeAsync(int id, string? tertial, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken)
    {
        if (!TryTertial(tertial, plans, out var current, out var problem))
        {
            return problem;
        }

        if (await plans.TreeAsync(id, cancellationToken) is not var (plan, problems))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok<object>(new
        {
            plan.Id, plan.Title, Status = plan.Status.ToString(), plan.Version, plan.OwnerOrganisationId, plan.Committee, plan.AdoptedOn, plan.DiaryNumber,
            Tertial = current.ToString(), Light = PlanReview.Light(plan, current).ToString(),
            Problems = problems.Select(p => new
            {
                p.Id, p.Title, p.Description, p.AreaCodes, p.Priority, p.PriorityAreas, p.FocusAreas, p.Perspectives, p.SituationReportId,
                Analysis = p.Analysis is null ? null : new { p.Analysis.Offender, p.Analysis.Target, p.Analysis.Place, p.Analysis.Handler, p.Analysis.Guardian, p.Analysis.Manager, p.Analysis.Missing, p.Analysis.Participants, p.Analysis.HeldOn },
                Causes = p.Causes.Select(c => new { c.Id, c.ParentId, c.Text, Side = c.Side.ToString(), Level = c.Level.ToString(), Kind = c.Kind.ToString(), EvidenceKind = c.EvidenceKind.ToString(), c.Evidence, Certainty = c.Certainty.ToString() }),
                Goals = p.Goals.Select(g => new { g.Id, g.Text, IndicatorKind = g.IndicatorKind.ToString(), g.IndicatorQuery, g.ReportedBy, g.Baseline, g.Target, g.TargetDate, g.LowerIsBetter }),
            }),
            Measures = plan.Measures.OrderBy(m => m.Id).Select(m => Measure(m, current)),
            Gaps = PlanReview.Gaps(plan, problems, current).Select(g => new { Kind = g.Kind.ToString(), g.Message, g.ProblemId, g.CauseId, g.MeasureId }),
        });
    }

    private static async Task<Results<Ok<List<object>>, ValidationProblem>> MeasuresAsync(int? organisation, string? status, string? tertial, AppDbContext db, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        MeasureStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<MeasureStatus>(status, ignoreCase: true, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"Okänd status. Välj {string.Join(", ", Enum.GetNames<MeasureStatus>())}."];
            }
        }

        if (!TryTertial(tertial, plans, out var current, out _))
        {
            errors["tertial"] = [$"Tertialet '{tertial}' kan inte tolkas. Skriv t.ex. 2025-T2."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Felaktiga filter");
        }

        var query = db.Measures.AsNoTracking().Include(m => m.Causes).Include(m => m.Updates).AsSplitQuery();
        if (organisation is { } org)
        {
            query = query.Where(m => m.ResponsibleOrganisationId == org);
        }

        if (wanted is { } s)
        {
            query = query.Where(m => m.Status == s);
        }

        return TypedResults.Ok((await query.ToListAsync(cancellationToken)).OrderBy(m => m.Id).Select(m => Measure(m, current)).ToList());
    }

    private static object Measure(Measure m, Tertial current) => new
    {
        m.Id, PlanId = m.ActionPlanId, m.Title, m.Description, Kind = m.Kind.ToString(), m.FocusArea, m.ResponsibleOrganisationId, m.Partners, m.TargetGroup, m.AreaCodes,
        m.Start, m.End, m.BudgetSek, m.StaffHours, m.ExpectedShortTerm, m.ExpectedLongTerm, m.GoalIds, m.Perspectives, Status = m.Status.ToString(), m.Revision,
        CauseIds = m.Causes.Select(c => c.CauseId), Light = PlanReview.Light(m, current).ToString(),
        Updates = m.Updates.OrderBy(u => u.Tertial, StringComparer.Ordinal).Select(u => new { u.Tertial, Status = u.Status.ToString(), u.Comment, u.ReportedBy, u.ReportedAt }),
    };

    private static bool TryTertial(string? text, Trygg.ActionPlans.ActionPlans plans, out Tertial tertial, out ValidationProblem problem)
    {
        problem = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            tertial = plans.CurrentTertial();
            return true;
        }

        if (Tertial.TryParse(text, out tertial))
        {
            return true;
        }

        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tertial"] = [$"Tertialet '{text}' kan inte tolkas. Skriv t.ex. 2025-T2."] }, title: "Felaktiga filter");
        return false;
    }
}

public sealed record PlanSummary(int Id, string Title, string Status, int Version, int Measures, string Light);
