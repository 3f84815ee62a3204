namespace Trygg.Ingestion;

/// <summary>What an import did with every record it read. Nothing read is missing from it.</summary>
public sealed record ImportReport
{
    /// <summary>The most rejections kept with their reasons; beyond it they are counted only.</summary>
    public const int MaxRejectionsKept = 1000;

    public int Read { get; init; }

    public int Inserted { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Valid records that belong to another municipality or county and were left out on purpose.</summary>
    public int OutsideScope { get; init; }

    /// <summary>The first <see cref="MaxRejectionsKept"/> refused records with their reasons.</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; init; } = [];

    /// <summary>All refused records, also those beyond <see cref="MaxRejectionsKept"/>.</summary>
    public int RejectedCount { get; init; }

    /// <summary>True when the batch was written; false when it was refused whole (or only tried, in a dry run).</summary>
    public bool Committed { get; init; }
}

/// <summary>A record the import refused: its number in the input (1-based) and a reason a person understands.</summary>
public sealed record RejectedRecord(int RecordNumber, string Reason);

/// <summary>Collects rejections while an import runs, keeping the first <see cref="ImportReport.MaxRejectionsKept"/>.</summary>
public sealed class RejectionLog
{
    private readonly List<RejectedRecord> kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<RejectedRecord> Kept => kept;

    public void Add(int recordNumber, string reason)
    {
        Count++;
        if (kept.Count < ImportReport.MaxRejectionsKept)
        {
            kept.Add(new RejectedRecord(recordNumber, reason));
        }
    }
}
