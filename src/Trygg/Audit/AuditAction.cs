namespace Trygg.Audit;

/// <summary>The three things that can happen to a record, as stored in <see cref="AuditEntry.Action"/>.</summary>
public static class AuditAction
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";

    public static readonly IReadOnlyList<string> All = [Created, Updated, Deleted];
}
