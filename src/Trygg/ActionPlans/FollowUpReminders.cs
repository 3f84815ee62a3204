using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Geography;

namespace Trygg.ActionPlans;

/// <summary>
/// Who still owes a follow-up for a tertial: the measures that run in it (<see cref="PlanReview.AwaitsFollowUp"/>) without a
/// report, grouped by responsible organisation so that each can be reminded — on the plans page, through the API, and by a
/// scheduled job that mails the output of <c>trygg plans reminders</c>.
/// </summary>
public sealed class FollowUpReminders(AppDbContext db)
{
    /// <summary>The group of measures that nobody is responsible for: the coordinator's to chase.</summary>
    public const string NoOrganisation = "Ingen ansvarig";

    /// <summary>The groups, organisations by name and the measures without one last; within a group by plan and measure.</summary>
    public async Task<IReadOnlyList<ReminderGroup>> ForAsync(Tertial tertial, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Measures.AsNoTracking().Include(m => m.Updates)
            .Where(m => m.Start <= tertial.End && m.End >= tertial.Start && m.Status != MeasureStatus.Done && m.Status != MeasureStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var due = candidates.Where(m => PlanReview.AwaitsFollowUp(m, tertial)).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var planIds = due.Select(m => m.ActionPlanId).Distinct().ToList();
        var plans = await db.ActionPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return due
            .GroupBy(m => m.ResponsibleOrganisationId)
            .Select(g => new ReminderGroup(
                g.Key,
                g.Key is { } id && organisations.TryGetValue(id, out var name) ? name : NoOrganisation,
                g.Select(m => new Reminder(m.Id, m.Title, m.ActionPlanId, plans[m.ActionPlanId], m.Start, m.End))
                    .OrderBy(r => r.Plan, AreaDirectory.SwedishOrder).ThenBy(r => r.Measure, AreaDirectory.SwedishOrder).ToList()))
            .OrderBy(g => g.OrganisationId is null).ThenBy(g => g.Organisation, AreaDirectory.SwedishOrder)
            .ToList();
    }
}

/// <summary>An organisation's measures that are not followed up; <see cref="OrganisationId"/> is null for those without a responsible organisation.</summary>
public sealed record ReminderGroup(int? OrganisationId, string Organisation, IReadOnlyList<Reminder> Measures);

/// <summary>A measure to follow up, with its plan.</summary>
public sealed record Reminder(int MeasureId, string Measure, int PlanId, string Plan, DateOnly Start, DateOnly End);
