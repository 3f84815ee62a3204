namespace Trygg.Audit;

/// <summary>
/// One change to something the work depends on: who, when, from where, what, and the record before and after.
/// Append-only: the product never updates or deletes an entry.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When, in UTC (a DateTime so both databases filter and sort it in SQL).</summary>
    public DateTime At { get; set; }

    /// <summary>The signed-in user's name, "system" for the seeder and scheduled work, or the CLI's user.</summary>
    public required string UserName { get; set; }

    /// <summary>The client address or "cli".</summary>
    public string From { get; set; } = "";

    /// <summary>"Created", "Updated" or "Deleted".</summary>
    public required string Action { get; set; }

    /// <summary>The entity's type name, e.g. "Measure".</summary>
    public required string Entity { get; set; }

    /// <summary>The entity's key as text.</summary>
    public required string EntityKey { get; set; }

    /// <summary>The changed properties' values before the change, as JSON; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The changed properties' values after the change, as JSON; null for a deletion.</summary>
    public string? After { get; set; }
}
