using Trygg.Data;
using Trygg.Operations;

namespace Trygg.Ingestion;

/// <summary>Stores what each import did, so that the Data page can list it and its refusals can be downloaded.</summary>
public sealed class ImportRuns(AppDbContext db, TimeProvider time, TryggMetrics metrics)
{
    public async Task<ImportRun> RecordAsync(
        ImportReport report, string source, string kind, string? fileName, string? userName, DateTime startedAt, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var run = new ImportRun
        {
            Source = source,
            Kind = kind,
            FileName = fileName,
            UserName = userName,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow().UtcDateTime,
            Read = report.Read,
            Inserted = report.Inserted,
            Updated = report.Updated,
            Unchanged = report.Unchanged,
            OutsideScope = report.OutsideScope,
            RejectedCount = report.RejectedCount,
            Committed = report.Committed,
            DryRun = dryRun,
            Rejections = report.Rejected.Select(r => new ImportRejection { RecordNumber = r.RecordNumber, Reason = r.Reason }).ToList(),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        metrics.ImportFinished(report, source, kind, run.FinishedAt - run.StartedAt);
        return run;
    }
}
