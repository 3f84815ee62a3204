using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// Writes a survey import all or nothing: creates or updates its indicators, inserts or updates one observation per cell (an
/// observation already stored for a cell not in the file is left as it is), and records the run with its refusals. Withheld cells are
/// written without any figure. A minimal store of its own until the shared indicator store takes over.
/// </summary>
public sealed class SurveyStore(AppDbContext db, ImportRuns runs, TimeProvider time)
{
    public async Task<SurveyImportResult> WriteAsync(
        string source, string kind, SurveyImportRun run, DateTime startedAt, int read, RejectionLog rejected,
        IReadOnlyList<SurveyIndicator> indicators, IReadOnlyList<SurveyCell> cells, CancellationToken cancellationToken)
    {
        var runSource = string.IsNullOrWhiteSpace(source) ? kind : source.Trim().ToLowerInvariant();
        if (rejected.Count > 0)
        {
            var refused = new ImportReport { Read = read, Rejected = rejected.Kept, RejectedCount = rejected.Count };
            var refusedRun = await runs.RecordAsync(refused, runSource, kind, run.FileName, run.UserName, startedAt, run.DryRun, cancellationToken);
            return new SurveyImportResult(refused, [], refusedRun.Id);
        }

        var codes = indicators.Select(i => i.Code).ToList();
        var stored = await db.Indicators.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, cancellationToken);
        var storedIds = stored.Values.Select(i => i.Id).ToList();
        var observations = (await db.IndicatorObservations.Where(o => storedIds.Contains(o.IndicatorId)).ToListAsync(cancellationToken))
            .ToDictionary(o => (o.IndicatorId, o.AreaCode, o.Period, o.Sex, o.AgeBand, o.Group));

        var changes = new List<(SurveyCell Cell, IndicatorObservation? Existing)>();
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var cell in cells)
        {
            var existing = stored.TryGetValue(cell.IndicatorCode, out var indicator)
                ? observations.GetValueOrDefault((indicator.Id, cell.AreaCode, cell.Period, cell.Sex, cell.AgeBand, cell.Group))
                : null;
            if (existing is null)
            {
                inserted++;
                changes.Add((cell, null));
            }
            else if (Same(existing, cell))
            {
                unchanged++;
            }
            else
            {
                updated++;
                changes.Add((cell, existing));
            }
        }

        var report = new ImportReport { Read = read, Inserted = inserted, Updated = updated, Unchanged = unchanged, Committed = !run.DryRun };
        if (run.DryRun)
        {
            db.ChangeTracker.Clear();
            var tried = await runs.RecordAsync(report, runSource, kind, run.FileName, run.UserName, startedAt, dryRun: true, cancellationToken);
            return new SurveyImportResult(report, cells, tried.Id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var recorded = await runs.RecordAsync(report, runSource, kind, run.FileName, run.UserName, startedAt, dryRun: false, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var byCode = new Dictionary<string, Indicator>();
        foreach (var definition in indicators)
        {
            var dimensions = SurveyIndicator.DimensionsOf(cells.Where(c => c.IndicatorCode == definition.Code));
            if (stored.TryGetValue(definition.Code, out var indicator))
            {
                db.Attach(indicator);
                indicator.Dimensions = string.Join(',', indicator.Dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries).Union(dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries)));
                indicator.UpdatedAt = changes.Any(c => c.Cell.IndicatorCode == definition.Code) ? now : indicator.UpdatedAt;
            }
            else
            {
                indicator = new Indicator
                {
                    Code = definition.Code, Name = definition.Name, Definition = definition.Definition, Unit = "procent", Source = definition.Source,
                    Type = IndicatorType.Share, HigherIsBetter = definition.HigherIsBetter, Dimensions = dimensions, UpdatedAt = now,
                };
                db.Indicators.Add(indicator);
            }

            byCode[definition.Code] = indicator;
        }

        foreach (var (cell, existing) in changes)
        {
            var observation = existing ?? new IndicatorObservation { AreaCode = cell.AreaCode, Period = cell.Period };
            if (existing is null)
            {
                byCode[cell.IndicatorCode].Observations.Add(observation);
            }
            else
            {
                db.Attach(observation);
            }

            (observation.Sex, observation.AgeBand, observation.Group) = (cell.Sex, cell.AgeBand, cell.Group);
            (observation.Value, observation.N, observation.Low, observation.High, observation.Suppressed) = (cell.Value, cell.N, cell.Low, cell.High, cell.Suppressed);
            observation.ImportRunId = recorded.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new SurveyImportResult(report, cells, recorded.Id);
    }

    /// <summary>Equal up to what a re-read file may differ in: the last bits of a recomputed interval.</summary>
    private static bool Same(IndicatorObservation stored, SurveyCell cell) =>
        stored.Suppressed == cell.Suppressed && Close(stored.Value, cell.Value) && Close(stored.N, cell.N) && Close(stored.Low, cell.Low) && Close(stored.High, cell.High);

    private static bool Close(double? a, double? b) => a is null || b is null ? a is null && b is null : Math.Abs(a.Value - b.Value) < 1e-9;
}
