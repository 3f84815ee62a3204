using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Incidents;

namespace Trygg.Ingestion;

/// <summary>
/// The ingestion contract for one import of incidents from one source: every record counted as inserted, updated, unchanged,
/// outside the scope or rejected (with its number and reason); idempotent through (source, external id); written all at once
/// or not at all.
/// </summary>
public sealed class IncidentBatch
{
    private readonly AppDbContext db;
    private readonly Dictionary<string, Incident> existing;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    private IncidentBatch(AppDbContext db, Dictionary<string, Incident> existing)
    {
        this.db = db;
        this.existing = existing;
    }

    public RejectionLog Rejected { get; } = new();

    public int Read { get; set; }

    public int OutsideScope { get; set; }

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public static async Task<IncidentBatch> StartAsync(AppDbContext db, string source, CancellationToken cancellationToken) =>
        new(db, await db.Incidents.Where(i => i.Source == source).ToDictionaryAsync(i => i.ExternalId, cancellationToken));

    /// <summary>Adds the incident, or copies its changes onto the stored one; refuses a second record with the same id.</summary>
    public void Upsert(Incident incident, int recordNumber, string duplicateReason)
    {
        if (!seen.Add(incident.ExternalId))
        {
            Rejected.Add(recordNumber, duplicateReason);
        }
        else if (!existing.TryGetValue(incident.ExternalId, out var stored))
        {
            db.Incidents.Add(incident);
            Inserted++;
        }
        else if (CopyChanges(incident, stored))
        {
            Updated++;
        }
        else
        {
            Unchanged++;
        }
    }

    /// <summary>Writes everything when no record was refused and it is no dry run; otherwise writes nothing.</summary>
    public async Task<ImportReport> FinishAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var refused = Rejected.Count > 0;
        var report = new ImportReport
        {
            Read = Read,
            Inserted = refused ? 0 : Inserted,
            Updated = refused ? 0 : Updated,
            Unchanged = refused ? 0 : Unchanged,
            OutsideScope = OutsideScope,
            Rejected = Rejected.Kept,
            RejectedCount = Rejected.Count,
        };
        if (refused || dryRun)
        {
            db.ChangeTracker.Clear();
            return report;
        }

        if (Inserted + Updated > 0)
        {
            await db.BumpAsync(DataVersion.Incidents, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return report with { Committed = true };
    }

    private static bool CopyChanges(Incident from, Incident to)
    {
        var changed = to.OccurredAt != from.OccurredAt || to.ReportedAt != from.ReportedAt || to.Type != from.Type || to.Category != from.Category
            || to.Title != from.Title || to.Text != from.Text || to.Url != from.Url || to.IsSummary != from.IsSummary
            || to.AreaId != from.AreaId || to.Accuracy != from.Accuracy || to.LocatedBy != from.LocatedBy || to.X != from.X || to.Y != from.Y;
        if (changed)
        {
            (to.OccurredAt, to.ReportedAt, to.Type, to.Category, to.Title, to.Text, to.Url) =
                (from.OccurredAt, from.ReportedAt, from.Type, from.Category, from.Title, from.Text, from.Url);
            (to.IsSummary, to.AreaId, to.Accuracy, to.LocatedBy, to.X, to.Y) =
                (from.IsSummary, from.AreaId, from.Accuracy, from.LocatedBy, from.X, from.Y);
        }

        return changed;
    }
}
