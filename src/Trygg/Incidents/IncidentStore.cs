using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Incidents;

/// <summary>
/// Holds the incidents as <see cref="IncidentColumns"/> for the life of the process and reloads them when
/// <see cref="DataVersion.Incidents"/> has moved on, whichever process (web host or `trygg import`) changed the data.
/// </summary>
public sealed class IncidentStore : IDisposable
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private IncidentColumns? current;

    public async Task<IncidentColumns> GetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var version = await db.CurrentAsync(DataVersion.Incidents, cancellationToken);
        if (current is { } snapshot && snapshot.Version == version)
        {
            return snapshot;
        }

        await reloading.WaitAsync(cancellationToken);
        try
        {
            if (current is null || current.Version != version)
            {
                current = await LoadAsync(db, version, cancellationToken);
            }

            return current;
        }
        finally
        {
            reloading.Release();
        }
    }

    public void Dispose() => reloading.Dispose();

    public static async Task<IncidentColumns> LoadAsync(AppDbContext db, long version, CancellationToken cancellationToken = default)
    {
        var areas = (await AreaDirectory.LoadAsync(db, cancellationToken)).All;
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var categoryIndex = categories.Select((c, i) => (c.Code, i)).ToDictionary(p => p.Code, p => (byte)p.i, StringComparer.Ordinal);
        var other = categoryIndex.GetValueOrDefault(Taxonomy.Other);
        var sources = new List<string>();
        var count = await db.Incidents.CountAsync(i => !i.IsSummary, cancellationToken);
        var columns = new IncidentColumns(count, areas, categories, sources, version);
        var n = 0;
        var rows = db.Incidents.AsNoTracking()
            .Where(i => !i.IsSummary)
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.OccurredAt, i.X, i.Y, i.AreaId, i.Category, i.Source, i.Accuracy })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (n == count)
            {
                break; // an import committed while loading; the next question sees the new version
            }

            columns.Ids[n] = checked((int)row.Id);
            columns.Minutes[n] = IncidentColumns.ToMinutes(SwedishTime.ToLocal(row.OccurredAt));
            columns.X[n] = row.X is { } east ? (float)east : float.NaN;
            columns.Y[n] = row.Y is { } north ? (float)north : float.NaN;
            columns.Area[n] = row.AreaId is { } id && columns.AreaIndex.TryGetValue(id, out var index) ? index : (short)-1;
            columns.Category[n] = row.Category is not null && categoryIndex.TryGetValue(row.Category, out var c) ? c : other;
            var s = sources.IndexOf(row.Source);
            if (s < 0)
            {
                sources.Add(row.Source);
                s = sources.Count - 1;
            }

            columns.Source[n] = (byte)s;
            columns.Accuracy[n] = (byte)row.Accuracy;
            n++;
        }

        return n < count ? columns.Truncate(n) : columns;
    }
}
