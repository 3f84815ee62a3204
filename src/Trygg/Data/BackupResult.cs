namespace Trygg.Data;

/// <summary>What a backup or a restore did, or why it did nothing, in words for the operator.</summary>
public sealed record BackupResult(bool Succeeded, string Message)
{
    public static BackupResult Done(string message) => new(true, message);

    public static BackupResult Refused(string message) => new(false, message);
}
