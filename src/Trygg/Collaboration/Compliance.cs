using Microsoft.EntityFrameworkCore;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Geography;

namespace Trygg.Collaboration;

/// <summary>
/// What law 2023:196 (kommuners ansvar för brottsförebyggande arbete) asks of a municipality in a year, checked against what
/// Trygg holds: each item is green only when the evidence is here, and says what it is and where, or what is missing.
/// </summary>
public sealed class Compliance(AppDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ComplianceItem>> CheckAsync(int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return
        [
            await SituationReportAsync(first, last, cancellationToken),
            await RootCauseAnalysesAsync(last, cancellationToken),
            await PlanAsync(first, last, cancellationToken),
            await FollowUpAsync(first, last, cancellationToken),
            await CoordinatorAsync(cancellationToken),
            await AgreementAsync(first, last, cancellationToken),
        ];
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A lägesbild of the whole municipality, adopted in the year.</summary>
    private async Task<ComplianceItem> SituationReportAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var municipality = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Municipality).Select(a => a.Code).ToListAsync(cancellationToken);
        var adopted = await db.SituationReportVersions.AsNoTracking()
            .Where(v => v.AdoptedOn >= first && v.AdoptedOn <= last)
            .Join(db.SituationReports.AsNoTracking().Where(r => municipality.Contains(r.AreaCodes)), v => v.ReportId, r => r.Id, (v, r) => new { r.Id, r.Title, v.Number, v.AdoptedOn, v.Committee })
            .OrderByDescending(v => v.AdoptedOn).FirstOrDefaultAsync(cancellationToken);
        return adopted is null
            ? new(ComplianceKey.SituationReport, false, $"Ingen lägesbild för hela kommunen är antagen {first.Year}.", "/reports", "Skriv en lägesbild för kommunen")
            : new(ComplianceKey.SituationReport, true, $"{adopted.Title}, version {adopted.Number}, antagen av {adopted.Committee} {Day(adopted.AdoptedOn)}.", $"/reports/{adopted.Id}", null);
    }

    /// <summary>An orsaksanalys (the analysis and at least one cause) for each prioritised problem that existed by the year's end.</summary>
    private async Task<ComplianceItem> RootCauseAnalysesAsync(DateOnly last, CancellationToken cancellationToken)
    {
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var problems = (await db.Problems.AsNoTracking().Include(p => p.Analysis).Include(p => p.Causes).AsSplitQuery().ToListAsync(cancellationToken))
            .Where(p => p.CreatedAt < end).ToList();
        if (problems.Count == 0)
        {
            return new(ComplianceKey.RootCauseAnalyses, false, "Inga prioriterade problem finns.", "/plans", "Prioritera problem ur lägesbilden");
        }

        var missing = problems.Where(p => p.Analysis is null || p.Causes.Count == 0).OrderBy(p => p.Priority).ThenBy(p => p.Id).ToList();
        return missing.Count == 0
            ? new(ComplianceKey.RootCauseAnalyses, true, $"Alla {problems.Count} prioriterade problem har en orsaksanalys.", "/plans", null)
            : new(ComplianceKey.RootCauseAnalyses, false, $"{missing.Count} av {problems.Count} prioriterade problem saknar orsaksanalys, bl.a. \"{missing[0].Title}\".",
                $"/problems/{missing[0].Id}", "Gör orsaksanalysen");
    }

    /// <summary>An åtgärdsplan adopted in the year, or in force during it.</summary>
    private async Task<ComplianceItem> PlanAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var adopted = await db.ActionPlanVersions.AsNoTracking().Where(v => v.AdoptedOn <= last)
            .Join(db.ActionPlans.AsNoTracking(), v => v.ActionPlanId, p => p.Id, (v, p) => new { p.Id, p.Title, v.Number, v.AdoptedOn, v.Committee })
            .OrderByDescending(v => v.AdoptedOn).ToListAsync(cancellationToken);
        var inForce = adopted.Where(v => v.AdoptedOn >= first.AddYears(-3)).ToList(); // a plan is adopted for a term of at most four years
        return inForce.Count == 0
            ? new(ComplianceKey.Plan, false, $"Ingen åtgärdsplan är antagen för {first.Year}.", "/plans", "Anta en åtgärdsplan")
            : new(ComplianceKey.Plan, true, $"{inForce[0].Title}, version {inForce[0].Number}, antagen av {inForce[0].Committee} {Day(inForce[0].AdoptedOn)}"
                + (inForce.Count > 1 ? $", och {inForce.Count - 1} till." : "."), $"/plans/{inForce[0].Id}", null);
    }

    /// <summary>Every measure of an adopted plan followed up for each tertial of the year that has ended.</summary>
    private async Task<ComplianceItem> FollowUpAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(time);
        var tertials = Enumerable.Range(1, 3).Select(n => new Tertial(first.Year, n)).Where(t => t.End < today && t.End <= last).ToList();
        if (tertials.Count == 0)
        {
            return new(ComplianceKey.FollowUp, false, $"Inget tertial {first.Year} har slutat ännu.", "/plans", null);
        }

        var adoptedIds = await db.ActionPlanVersions.AsNoTracking().Select(v => v.ActionPlanId).Distinct().ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Include(m => m.Updates).Where(m => adoptedIds.Contains(m.ActionPlanId)).ToListAsync(cancellationToken);
        var due = measures.SelectMany(m => tertials.Where(t => m.Start <= t.End && m.End >= t.Start && m.Status != Trygg.ActionPlans.MeasureStatus.Cancelled)
            .Select(t => (Measure: m, Tertial: t))).ToList();
        if (due.Count == 0)
        {
            return new(ComplianceKey.FollowUp, false, $"Inga åtgärder i antagna planer pågick under {first.Year}.", "/plans", "Anta en åtgärdsplan");
        }

        var missing = due.Where(d => d.Measure.Updates.All(u => u.Tertial != d.Tertial.ToString())).ToList();
        return missing.Count == 0
            ? new(ComplianceKey.FollowUp, true, $"Alla {due.Count} uppföljningar för {string.Join(", ", tertials)} är gjorda.", "/plans", null)
            : new(ComplianceKey.FollowUp, false, $"{missing.Count} av {due.Count} uppföljningar saknas, bl.a. \"{missing[0].Measure.Title}\" för {missing[0].Tertial}.",
                $"/plans/{missing[0].Measure.ActionPlanId}#measure-{missing[0].Measure.Id}", "Följ upp åtgärden");
    }

    /// <summary>A coordinating function named, with its coordinator.</summary>
    private async Task<ComplianceItem> CoordinatorAsync(CancellationToken cancellationToken)
    {
        var function = await db.Organisations.AsNoTracking().Where(o => o.IsCoordinatingFunction && o.CoordinatorName != "").OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        return function is null
            ? new(ComplianceKey.Coordinator, false, "Ingen samordnande funktion med samordnare är utsedd.", "/organisations", "Utse den samordnande funktionen")
            : new(ComplianceKey.Coordinator, true, $"{function.Name}: {function.CoordinatorRole}.", $"/organisations/{function.Id}", null);
    }

    /// <summary>A written collaboration agreement with the police in force during the year; agreements with other actors are counted beside it.</summary>
    private async Task<ComplianceItem> AgreementAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var police = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.PoliceRegion || o.Kind == OrganisationKind.PoliceArea).Select(o => o.Id).ToListAsync(cancellationToken);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties)
            .Where(a => a.Kind == AgreementKind.Collaboration && a.ValidFrom <= last && (a.ValidTo == null || a.ValidTo >= first)).OrderBy(a => a.ValidFrom).ToListAsync(cancellationToken);
        var withPolice = agreements.FirstOrDefault(a => a.Parties.Any(p => police.Contains(p.OrganisationId)));
        var others = agreements.Count(a => !a.Parties.Any(p => police.Contains(p.OrganisationId)));
        return withPolice is null
            ? new(ComplianceKey.Agreement, false, $"Ingen skriftlig samverkansöverenskommelse med polisen gäller under {first.Year}.", "/agreements", "Lägg in överenskommelsen")
            : new(ComplianceKey.Agreement, true, $"{withPolice.Title}, giltig från {Day(withPolice.ValidFrom)} {(withPolice.ValidTo is { } to ? $"till {Day(to)}" : "tills vidare")}; {others} överenskommelser med andra aktörer.",
                $"/agreements/{withPolice.Id}", null);
    }
}

public enum ComplianceKey
{
    SituationReport,
    RootCauseAnalyses,
    Plan,
    FollowUp,
    Coordinator,
    Agreement,
}

/// <summary>An item of the law's checklist: green or not, what shows it (or what is missing), and where to see or fix it.</summary>
public sealed record ComplianceItem(ComplianceKey Key, bool Green, string Evidence, string Link, string? Remedy);
