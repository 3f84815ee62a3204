using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// Writes indicators for every importer of statistics (SCB, Kolada, surveys) by the ingestion contract: the indicator is
/// created or its metadata updated, and for each (area, period) the import covers, the stored observations are replaced
/// by the imported ones — all indicators of one import in one transaction, with its import run, or nothing at all.
/// </summary>
public sealed class IndicatorStore(AppDbContext db, ImportRuns importRuns, TimeProvider time)
{
    /// <summary>
    /// Replaces the observations of the (area, period) keys the series hold. Nothing is written when <paramref name="rejected"/>
    /// holds anything, when an observation appears twice, or in a dry run; the import run is recorded in every case.
    /// </summary>
    /// <param name="alongside">More changes that belong to the same import (e.g. areas' population), saved in the same transaction.</param>
    public async Task<ImportReport> ReplaceAsync(
        IReadOnlyList<ImportedSeries> series,
        IndicatorImport import,
        RejectionLog rejected,
        Func<CancellationToken, Task>? alongside = null,
        CancellationToken cancellationToken = default)
    {
        var startedAt = time.GetUtcNow().UtcDateTime;
        RefuseDuplicates(series, rejected);
        var plans = new List<(ImportedSeries Series, Indicator? Stored, Dictionary<ObservationKey, IndicatorObservation> Existing)>();
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var one in series)
        {
            var stored = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == one.Definition.Code, cancellationToken);
            var existing = stored is null ? [] : await ExistingAsync(stored.Id, one, cancellationToken);
            var incoming = one.Observations.Select(o => o.Key).ToHashSet();
            foreach (var observation in one.Observations)
            {
                if (!existing.TryGetValue(observation.Key, out var old))
                {
                    inserted++;
                }
                else if (observation.SameAs(old))
                {
                    unchanged++;
                }
                else
                {
                    updated++;
                }
            }

            // Observations of a covered (area, period) that the source no longer has are removed; they count as updated.
            updated += existing.Keys.Count(k => !incoming.Contains(k));
            plans.Add((one, stored, existing));
        }

        var refused = rejected.Count > 0;
        var report = new ImportReport
        {
            Read = import.Read,
            Inserted = refused ? 0 : inserted,
            Updated = refused ? 0 : updated,
            Unchanged = refused ? 0 : unchanged,
            OutsideScope = import.OutsideScope,
            Rejected = rejected.Kept,
            RejectedCount = rejected.Count,
            Committed = !refused && !import.DryRun,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await importRuns.RecordAsync(report, import.Source, import.Kind, import.FileName, import.UserName, startedAt, import.DryRun, cancellationToken);
        if (report.Committed)
        {
            foreach (var (one, stored, existing) in plans)
            {
                await WriteAsync(one, stored, existing, run.Id, cancellationToken);
            }

            if (alongside is not null)
            {
                await alongside(cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return report;
    }

    private static void RefuseDuplicates(IReadOnlyList<ImportedSeries> series, RejectionLog rejected)
    {
        foreach (var one in series)
        {
            var seen = new HashSet<ObservationKey>();
            foreach (var observation in one.Observations)
            {
                if (!seen.Add(observation.Key))
                {
                    rejected.Add(observation.RecordNumber, $"{one.Definition.Code}: {observation.Key.Describe()} förekommer mer än en gång.");
                }
            }
        }
    }

    private async Task<Dictionary<ObservationKey, IndicatorObservation>> ExistingAsync(int indicatorId, ImportedSeries series, CancellationToken cancellationToken)
    {
        var areas = series.Observations.Select(o => o.AreaCode).Distinct().ToList();
        var periods = series.Observations.Select(o => o.Period).Distinct().ToList();
        var covered = series.Observations.Select(o => (o.AreaCode, o.Period)).ToHashSet();
        var candidates = await db.IndicatorObservations.AsNoTracking()
            .Where(o => o.IndicatorId == indicatorId && areas.Contains(o.AreaCode) && periods.Contains(o.Period))
            .ToListAsync(cancellationToken);
        return candidates.Where(o => covered.Contains((o.AreaCode, o.Period)))
            .ToDictionary(o => new ObservationKey(o.AreaCode, o.Period, o.Sex, o.AgeBand, o.Group));
    }

    private async Task WriteAsync(
        ImportedSeries series, Indicator? stored, Dictionary<ObservationKey, IndicatorObservation> existing, long runId, CancellationToken cancellationToken)
    {
        var definition = series.Definition;
        var indicator = stored is null ? new Indicator { Code = definition.Code, Name = definition.Name } : await db.Indicators.SingleAsync(i => i.Id == stored.Id, cancellationToken);
        (indicator.Name, indicator.Definition, indicator.Unit, indicator.Source) = (definition.Name, definition.Definition, definition.Unit, definition.Source);
        (indicator.Type, indicator.HigherIsBetter, indicator.Dimensions) = (definition.Type, definition.HigherIsBetter, definition.Dimensions);
        indicator.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (stored is null)
        {
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync(cancellationToken);
        }

        var incoming = series.Observations.ToDictionary(o => o.Key);
        foreach (var (key, old) in existing)
        {
            if (!incoming.TryGetValue(key, out var replacement))
            {
                db.IndicatorObservations.Remove(old);
            }
            else if (!replacement.SameAs(old))
            {
                db.IndicatorObservations.Update(replacement.CopyTo(old, runId));
            }
        }

        foreach (var observation in series.Observations.Where(o => !existing.ContainsKey(o.Key)))
        {
            db.IndicatorObservations.Add(observation.CopyTo(new IndicatorObservation { IndicatorId = indicator.Id, AreaCode = observation.AreaCode, Period = observation.Period }, runId));
        }
    }
}

/// <summary>What an indicator is; written over the stored metadata on every import.</summary>
public sealed record IndicatorDefinition(
    string Code, string Name, string Definition, string Unit, string Source, IndicatorType Type, bool HigherIsBetter, string Dimensions);

/// <summary>One indicator's observations from one import.</summary>
public sealed record ImportedSeries(IndicatorDefinition Definition, IReadOnlyList<ObservedValue> Observations);

/// <summary>How the import came about, for its import run: source ("scb", "kolada"), kind ("api", "fil"), file and user; what was read and left out.</summary>
public sealed record IndicatorImport(string Source, string Kind, string? FileName, string? UserName, int Read, int OutsideScope = 0, bool DryRun = false);

/// <summary>An observation to store; <see cref="RecordNumber"/> is where it came from in the input, for rejections.</summary>
public sealed record ObservedValue(
    string AreaCode, string Period, string Sex, string AgeBand, string Group, double? Value, double? N = null, double? Low = null, double? High = null, bool Suppressed = false, int RecordNumber = 0)
{
    public ObservationKey Key => new(AreaCode, Period, Sex, AgeBand, Group);

    /// <summary>A suppressed cell keeps no value, whatever the source said.</summary>
    public double? StoredValue => Suppressed ? null : Value;

    public bool SameAs(IndicatorObservation stored) =>
        Nullable.Equals(stored.Value, StoredValue) && Nullable.Equals(stored.N, N) && Nullable.Equals(stored.Low, Low) && Nullable.Equals(stored.High, High) && stored.Suppressed == Suppressed;

    public IndicatorObservation CopyTo(IndicatorObservation target, long runId)
    {
        (target.Sex, target.AgeBand, target.Group) = (Sex, AgeBand, Group);
        (target.Value, target.N, target.Low, target.High, target.Suppressed) = (StoredValue, N, Low, High, Suppressed);
        target.ImportRunId = runId;
        return target;
    }
}

/// <summary>What makes an observation unique within its indicator.</summary>
public readonly record struct ObservationKey(string AreaCode, string Period, string Sex, string AgeBand, string Group)
{
    public string Describe() =>
        string.Join(", ", new[] { AreaCode, Period, Sex, AgeBand, Group }.Where(p => p.Length > 0));
}
