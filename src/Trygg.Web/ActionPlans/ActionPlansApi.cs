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
        api.MapGet("/plans/{id:int}/versions", VersionsAsync).WithSummary("Planens antagna versioner: beslutande organ, datum och diarienummer.");
        api.MapGet("/plans/{id:int}/versions/{number:int}", VersionAsync).WithSummary("En antagen version av planen, fryst som den antogs.");
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

    private static async Task<Results<Ok<PlanTree>, NotFound, ValidationProblem>> TreeAsync(int id, string? tertial, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken)
    {
        if (!TryTertial(tertial, plans, out var current, out var problem))
        {
            return problem;
        }

        return await plans.TreeAsync(id, cancellationToken) is var (plan, problems) ? TypedResults.Ok(PlanTree.Of(plan, problems, current)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<List<VersionSummary>>, NotFound>> VersionsAsync(int id, AppDbContext db, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken) =>
        await db.ActionPlans.AnyAsync(p => p.Id == id, cancellationToken)
            ? TypedResults.Ok((await plans.VersionsAsync(id, cancellationToken)).Select(v => new VersionSummary(v.Number, v.Committee, v.AdoptedOn, v.DiaryNumber, v.FrozenAt, v.FrozenBy)).ToList())
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PlanTree>, NotFound>> VersionAsync(int id, int number, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken) =>
        (await plans.VersionsAsync(id, cancellationToken)).FirstOrDefault(v => v.Number == number) is { } version
            ? TypedResults.Ok(PlanTree.Read(version.TreeJson))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<List<PlanTree.MeasureNode>>, ValidationProblem>> MeasuresAsync(int? organisation, string? status, string? tertial, AppDbContext db, Trygg.ActionPlans.ActionPlans plans, CancellationToken cancellationToken)
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
            errors["tertial"] = [Tertial.CannotRead(tertial)];
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

        return TypedResults.Ok((await query.ToListAsync(cancellationToken)).OrderBy(m => m.Id).Select(m => PlanTree.MeasureNode.Of(m, current)).ToList());
    }

    /// <summary>The tertial asked for, the current one when none is given, or a 400 that says in Swedish how to write one.</summary>
    internal static bool TryTertial(string? text, Trygg.ActionPlans.ActionPlans plans, out Tertial tertial, out ValidationProblem problem)
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

        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tertial"] = [Tertial.CannotRead(text)] }, title: "Felaktigt tertial");
        return false;
    }
}

public sealed record VersionSummary(int Number, string? Committee, DateOnly? AdoptedOn, string? DiaryNumber, DateTimeOffset FrozenAt, string FrozenBy);

public sealed record PlanSummary(int Id, string Title, string Status, int Version, int Measures, string Light);
