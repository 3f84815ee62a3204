using System.Diagnostics.Metrics;
using Trygg.Ingestion;

namespace Trygg.Operations;

/// <summary>
/// Trygg's own measurements (meter "Trygg"), beside ASP.NET Core's request meters: what operations watch to see that imports
/// keep arriving and the analysis engine keeps answering. Counts and durations only — never a name, text or place.
/// </summary>
public sealed class TryggMetrics
{
    public const string MeterName = "Trygg";

    private readonly Counter<long> imports;
    private readonly Counter<long> importRows;
    private readonly Histogram<double> importDuration;
    private readonly Histogram<double> analysisDuration;

    public TryggMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        imports = meter.CreateCounter<long>("trygg.imports", "{import}", "Imports run, by source, kind and whether the batch was written.");
        importRows = meter.CreateCounter<long>("trygg.import.rows", "{row}", "Records read by imports, by what became of them: inserted, updated, unchanged, outside_scope, rejected.");
        importDuration = meter.CreateHistogram<double>("trygg.import.duration", "s", "Time from the start of an import to its report.");
        analysisDuration = meter.CreateHistogram<double>("trygg.analysis.duration", "s", "Time the analysis engine took for one analysis, by analysis.");
    }

    public void ImportFinished(ImportReport report, string source, string kind, TimeSpan duration)
    {
        var sourceTag = new KeyValuePair<string, object?>("trygg.import.source", source);
        var kindTag = new KeyValuePair<string, object?>("trygg.import.kind", kind);
        imports.Add(1, sourceTag, kindTag, new("trygg.import.committed", report.Committed));
        importDuration.Record(duration.TotalSeconds, sourceTag, kindTag);
        Rows(report.Inserted, "inserted");
        Rows(report.Updated, "updated");
        Rows(report.Unchanged, "unchanged");
        Rows(report.OutsideScope, "outside_scope");
        Rows(report.RejectedCount, "rejected");

        void Rows(int count, string outcome)
        {
            if (count > 0)
            {
                importRows.Add(count, sourceTag, new("trygg.import.outcome", outcome));
            }
        }
    }

    public void AnalysisFinished(string analysis, TimeSpan duration) =>
        analysisDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("trygg.analysis", analysis));
}
