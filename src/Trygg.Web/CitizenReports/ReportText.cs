using System.Globalization;
using System.Text.Json;
using Trygg.CitizenReports;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// How the residents' pages write a report: the service's name in the visitor's language, the answer a moderator gave, the
/// reason a report was closed, times in Swedish time and figures with an explicit culture.
/// </summary>
public static class ReportText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The service's English name on the English pages, where it has one.</summary>
    public static string Name(ReportService service) => IsEnglish && service.NameEnglish.Length > 0 ? service.NameEnglish : service.Name;

    public static string Name(IReadOnlyDictionary<string, ReportService> services, string code) =>
        services.TryGetValue(code, out var service) ? Name(service) : code;

    /// <summary>The latest public answer a moderator wrote (residents' own notes, such as a reopening, have no author).</summary>
    public static string? Answer(CitizenReport report) =>
        report.Events.Where(e => e.By.Length > 0 && e.Note.Length > 0).OrderBy(e => e.At).ThenBy(e => e.Id).LastOrDefault()?.Note;

    /// <summary>Why the report has its status now: the note given when it got it.</summary>
    public static string Reason(CitizenReport report) =>
        report.Events.Where(e => e.Status == report.Status).OrderBy(e => e.At).ThenBy(e => e.Id).LastOrDefault()?.Note ?? "";

    /// <summary>A status in one or two words, for a history or a list (the key of its English text).</summary>
    public static string StatusWord(ReportStatus status) => status switch
    {
        ReportStatus.Received => "Mottagen",
        ReportStatus.Assigned => "Skickad till ansvarig",
        ReportStatus.InProgress => "Pågår",
        ReportStatus.Fixed => "Åtgärdad",
        ReportStatus.ClosedNotFixed => "Stängd – åtgärdas inte",
        ReportStatus.NotOurResponsibility => "Inte stadens ansvar",
        ReportStatus.Duplicate => "Dubblett",
        _ => status.ToString(),
    };

    /// <summary>The service's attributes, in their order.</summary>
    public static IReadOnlyList<ServiceAttribute> Attributes(ReportService service) =>
        (JsonSerializer.Deserialize<List<ServiceAttribute>>(service.AttributesJson, Json) ?? []).Where(a => a.Variable).OrderBy(a => a.Order).ToList();

    /// <summary>A report's answers to its service's attributes: code → values.</summary>
    public static Dictionary<string, string[]> Answers(CitizenReport report) =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(report.AttributesJson, Json) ?? [];

    /// <summary>A moment in Swedish time, "2026-11-23 12:00".</summary>
    public static string Time(DateTimeOffset at) => SwedishTime.ToLocal(at.UtcDateTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => SwedishTime.ToLocal(at.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Hours with one decimal in the Swedish way ("3,5"); a dash when there is no figure.</summary>
    public static string Hours(double? hours) => hours is { } value ? value.ToString("0.0", Swedish) : "–";

    /// <summary>A coordinate as the inputs hold it (invariant, six decimals: about 10 cm).</summary>
    public static string Coordinate(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Metres, whole ("120").</summary>
    public static string Metres(double metres) => Math.Round(metres).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A coordinate as a person types it, with a decimal comma or point; null when it is none.</summary>
    public static double? ParseCoordinate(string? text) =>
        double.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
