namespace Trygg.Ingestion;

/// <summary>What an import did with every record it read. Nothing read is missing from it.</summary>
public sealed record ImportReport
{
    public int Read { get; init; }

    public int Inserted { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Valid records that belong to another municipality or county and were left out on purpose.</summary>
    public int OutsideScope { get; init; }

    public IReadOnlyList<RejectedRecord> Rejected { get; init; } = [];

    /// <summary>True when the batch was written; false when it was refused whole.</summary>
    public bool Committed { get; init; }
}

/// <summary>A record the import refused: its number in the input (1-based) and a reason a person understands.</summary>
public sealed record RejectedRecord(int RecordNumber, string Reason);
