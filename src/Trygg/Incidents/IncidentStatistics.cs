using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>Counts of incidents for the overview and area pages. Summary notices are never counted.</summary>
public sealed class IncidentStatistics(AppDbContext db)
{
    /// <summary>Incidents per area they were placed in (null: not placed in an area) between <paramref name="fromUtc"/> and <paramref name="toUtc"/>.</summary>
    public async Task<Dictionary<int, int>> CountByAreaAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var counts = await db.Incidents
            .Where(i => !i.IsSummary && i.OccurredAt >= fromUtc && i.OccurredAt < toUtc && i.AreaId != null)
            .GroupBy(i => i.AreaId!.Value)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.AreaId, c => c.Count);
    }

    public Task<int> CountUnplacedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        db.Incidents.CountAsync(i => !i.IsSummary && i.OccurredAt >= fromUtc && i.OccurredAt < toUtc && i.AreaId == null, cancellationToken);

    /// <summary>Incidents placed in any of <paramref name="areaIds"/>, per calendar month in Swedish time, oldest first, months without incidents included.</summary>
    public async Task<IReadOnlyList<MonthCount>> CountByMonthAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default)
    {
        var times = await db.Incidents
            .Where(i => !i.IsSummary && i.AreaId != null && areaIds.Contains(i.AreaId.Value))
            .Select(i => i.OccurredAt)
            .ToListAsync(cancellationToken);
        if (times.Count == 0)
        {
            return [];
        }

        var months = times
            .Select(SwedishTime.ToLocal)
            .GroupBy(t => new DateOnly(t.Year, t.Month, 1))
            .ToDictionary(g => g.Key, g => g.Count());
        var result = new List<MonthCount>();
        for (var month = months.Keys.Min(); month <= months.Keys.Max(); month = month.AddMonths(1))
        {
            result.Add(new MonthCount(month, months.GetValueOrDefault(month)));
        }

        return result;
    }

    /// <summary>When the latest counted incident happened (UTC), or null without incidents: where the data end.</summary>
    public async Task<DateTime?> LatestOccurredAtAsync(CancellationToken cancellationToken = default) =>
        await db.Incidents.Where(i => !i.IsSummary).MaxAsync(i => (DateTime?)i.OccurredAt, cancellationToken);

    /// <summary>The most recent incidents from <paramref name="source"/> placed in the municipality (not those known only by county).</summary>
    public Task<List<Incident>> LatestAsync(string source, int count, CancellationToken cancellationToken = default) =>
        db.Incidents.AsNoTracking()
            .Where(i => i.Source == source && !i.IsSummary && i.AreaId != null)
            .OrderByDescending(i => i.OccurredAt)
            .Take(count)
            .ToListAsync(cancellationToken);
}

public sealed record MonthCount(DateOnly Month, int Count);
