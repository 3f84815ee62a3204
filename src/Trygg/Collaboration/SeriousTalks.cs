using Microsoft.EntityFrameworkCore;
using Trygg.Analysis;
using Trygg.Data;

namespace Trygg.Collaboration;

/// <summary>
/// The monthly counts of serious talks within 48 hours per district (the Järva strategy: a young person suspected for the
/// first time gets a talk with social services within 48 hours). Counts only: a comment that looks like it names a person,
/// or holds a personal identity number, e-mail address or phone number, is refused.
/// </summary>
public sealed class SeriousTalks(AppDbContext db, TimeProvider time)
{
    /// <summary>Reports (or reports again) a district's month. Returns what is wrong, per field; nothing is written then.</summary>
    public async Task<Dictionary<string, string>> ReportAsync(SeriousTalkInput input, string userName, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.OrganisationId, cancellationToken);
        if (organisation?.Kind != OrganisationKind.DistrictCommittee)
        {
            errors["organisation"] = "Välj stadsdelsnämnden som rapporterar.";
        }

        var thisMonth = SwedishTime.Today(time) is var today ? new DateOnly(today.Year, today.Month, 1) : default;
        if (input.Month is not { } month || month.Day != 1)
        {
            errors["month"] = "Ange månaden, t.ex. 2026-10.";
        }
        else if (month > thisMonth)
        {
            errors["month"] = "En månad som inte har börjat kan inte rapporteras.";
        }

        if (input.FirstTimeSuspects < 0 || input.TalksHeld < 0 || input.TalksWithin48Hours < 0)
        {
            errors["counts"] = "Antalen kan inte vara negativa.";
        }
        else if (input.TalksHeld > input.FirstTimeSuspects)
        {
            errors["talksHeld"] = "Fler samtal än unga som blivit kända kan inte stämma: ett samtal hålls med en ung som blivit känd under månaden.";
        }
        else if (input.TalksWithin48Hours > input.TalksHeld)
        {
            errors["talksWithin48Hours"] = "Samtalen inom 48 timmar är en del av de hållna samtalen och kan inte vara fler.";
        }

        if (Security.PersonalData.FindWithNames(input.Comment) is { } found)
        {
            errors["comment"] = $"Kommentaren ser ut att innehålla {found}. Här rapporteras bara antal; skriv inga namn eller personuppgifter.";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.SeriousTalks.FirstOrDefaultAsync(c => c.OrganisationId == input.OrganisationId && c.Month == input.Month, cancellationToken);
        if (row is null)
        {
            row = new SeriousTalkCount { OrganisationId = input.OrganisationId, Month = input.Month!.Value };
            db.SeriousTalks.Add(row);
        }

        (row.FirstTimeSuspects, row.TalksHeld, row.TalksWithin48Hours) = (input.FirstTimeSuspects, input.TalksHeld, input.TalksWithin48Hours);
        (row.Comment, row.ReportedBy) = (input.Comment?.Trim() ?? "", userName);
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>A district's months in order, with the share reached within 48 hours, and the trend of that share (Mann–Kendall).</summary>
    public async Task<SeriousTalkSeries> SeriesAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        var months = await db.SeriousTalks.AsNoTracking().Where(c => c.OrganisationId == organisationId).OrderBy(c => c.Month).ToListAsync(cancellationToken);
        var shares = months.Where(m => m.FirstTimeSuspects > 0).Select(m => Share(m)!.Value).ToList();
        return new SeriousTalkSeries(months, shares.Count >= 4 ? MannKendall.Test(shares) : null);
    }

    /// <summary>The share of the young first-time suspects who had their talk within 48 hours; none when there were none.</summary>
    public static double? Share(SeriousTalkCount month) => month.FirstTimeSuspects == 0 ? null : (double)month.TalksWithin48Hours / month.FirstTimeSuspects;
}

public sealed record SeriousTalkInput(int OrganisationId, DateOnly? Month, int FirstTimeSuspects, int TalksHeld, int TalksWithin48Hours, string? Comment = null);

public sealed record SeriousTalkSeries(IReadOnlyList<SeriousTalkCount> Months, MannKendallResult? Trend);
