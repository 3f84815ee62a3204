using System.Globalization;

namespace Trygg.Audit;

/// <summary>The audit log for auditors: semicolon-separated, times in Swedish time, actions in Swedish, before and after as stored JSON.</summary>
public static class AuditCsv
{
    public const string Header = "tid;användare;från;händelse;typ;nyckel;före;efter\r\n";

    public static string Row(AuditEntry entry) => string.Join(';',
        SwedishTime.ToLocal(entry.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Quote(entry.UserName), Quote(entry.From), SwedishAction(entry.Action), Quote(entry.Entity), Quote(entry.EntityKey),
        Quote(entry.Before ?? ""), Quote(entry.After ?? "")) + "\r\n";

    /// <summary>"Skapad", "Ändrad", "Borttagen": how the page and the export name an action.</summary>
    public static string SwedishAction(string action) => action switch
    {
        AuditAction.Created => "Skapad",
        AuditAction.Updated => "Ändrad",
        AuditAction.Deleted => "Borttagen",
        _ => action,
    };

    /// <summary>Quoted, and a leading =, +, - or @ defused, so that Excel never runs a value someone typed as a formula.</summary>
    private static string Quote(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
