namespace Trygg.Audit;

/// <summary>One property of an audit entry with its value before and after, for the diff an auditor reads.</summary>
public sealed record AuditChange(string Property, string? Before, string? After)
{
    /// <summary>The entry's properties in the order they were written, the before and after side by side; null where a side has none.</summary>
    public static IReadOnlyList<AuditChange> Of(AuditEntry entry)
    {
        var before = AuditJson.Read(entry.Before);
        var after = AuditJson.Read(entry.After);
        var afterByName = after.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var beforeNames = before.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        return before.Select(b => new AuditChange(b.Name, b.Value, afterByName.GetValueOrDefault(b.Name)))
            .Concat(after.Where(a => !beforeNames.Contains(a.Name)).Select(a => new AuditChange(a.Name, null, a.Value)))
            .ToList();
    }
}
