namespace Trygg.Ingestion;

/// <summary>One import, stored whether it was written or refused: who, when, what file, and what happened to every record.</summary>
public class ImportRun
{
    public long Id { get; set; }

    /// <summary>The incidents' source, e.g. "polisen".</summary>
    public required string Source { get; set; }

    /// <summary>How the data came: "arkiv", "live" or "fil".</summary>
    public required string Kind { get; set; }

    public string? FileName { get; set; }

    public string? UserName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public int Read { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int OutsideScope { get; set; }

    public int RejectedCount { get; set; }

    public bool Committed { get; set; }

    public bool DryRun { get; set; }

    public List<ImportRejection> Rejections { get; set; } = [];
}

/// <summary>A record an import refused, with its number in the input and the reason.</summary>
public class ImportRejection
{
    public long Id { get; set; }

    public long ImportRunId { get; set; }

    public int RecordNumber { get; set; }

    public required string Reason { get; set; }
}
