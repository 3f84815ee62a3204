using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Trygg.Audit;

/// <summary>
/// A search in the audit log as the page and the CSV export take it from the query string: a date range in Swedish time
/// (both days included), a user, an entity type, an entity's key and an action, each optional and matched exactly.
/// </summary>
public sealed record AuditSearch(string? From, string? To, string? User, string? Entity, string? Key, string? Action)
{
    public static AuditSearch Read(Func<string, string?> value) =>
        new(value("from"), value("to"), value("user"), value("entity"), value("key"), value("action"));

    /// <summary>The search as a query string, without empty parts, for links to other pages and to the export.</summary>
    public string ToQueryString() => string.Join('&', new[] { ("from", From), ("to", To), ("user", User), ("entity", Entity), ("key", Key), ("action", Action) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
        .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));

    /// <summary>The entries that match, newest first; or the reasons, per field, why the search cannot be run.</summary>
    public (IQueryable<AuditEntry> Entries, Dictionary<string, string[]> Errors) Apply(IQueryable<AuditEntry> entries)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var from = Date(From, "from", errors);
        var to = Date(To, "to", errors);
        if (from is { } first && to is { } last && last < first)
        {
            errors["to"] = ["Slutdatumet ligger före startdatumet."];
        }

        var action = Action?.Trim();
        if (!string.IsNullOrEmpty(action) && !AuditAction.All.Contains(action, StringComparer.Ordinal))
        {
            errors["action"] = [$"Okänd händelse '{action}'. Välj Created, Updated eller Deleted."];
        }

        if (errors.Count > 0)
        {
            return (entries.Where(_ => false), errors);
        }

        if (from is { } start)
        {
            var since = SwedishTime.ToUtc(start.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At >= since);
        }

        if (to is { } end)
        {
            var before = SwedishTime.ToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.At < before);
        }

        if (Trimmed(User) is { } user)
        {
            entries = entries.Where(e => e.UserName == user);
        }

        if (Trimmed(Entity) is { } entity)
        {
            entries = entries.Where(e => e.Entity == entity);
        }

        if (Trimmed(Key) is { } key)
        {
            entries = entries.Where(e => e.EntityKey == key);
        }

        if (!string.IsNullOrEmpty(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        return (entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id), errors);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Date(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = [$"Datumet '{text}' kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-08-31."];
        return null;
    }
}
