using System.Globalization;
using System.Text.RegularExpressions;
using Trygg.FollowUp;

namespace Trygg.SituationReports;

/// <summary>
/// A report's period: a year ("2025"), a tertial ("2025-T2": May–August, as the city's tertial reports) or two dates
/// ("2025-01-01..2025-06-30"); its comparison period is by default the same one a year earlier.
/// </summary>
public sealed partial record ReportPeriod(DateOnly From, DateOnly To)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public ReportPeriod YearEarlier => new(From.AddYears(-1), To.AddYears(-1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>"2025", "tertial 2 2025" or "1 jan. 2025 – 30 juni 2025".</summary>
    public string Text =>
        From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31) ? From.Year.ToString(CultureInfo.InvariantCulture)
        : Tertial.Of(From) is var tertial && tertial.Start == From && tertial.End == To ? $"tertial {tertial.Number} {tertial.Year}"
        : $"{From.ToString("d MMM yyyy", Swedish)} – {To.ToString("d MMM yyyy", Swedish)}";

    public static bool TryParse(string? text, out ReportPeriod period, out string error)
    {
        period = new ReportPeriod(default, default);
        error = "";
        text = text?.Trim() ?? "";
        if (YearPattern().Match(text) is { Success: true } year)
        {
            var y = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            period = new ReportPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            return true;
        }

        if (TertialPattern().Match(text) is { Success: true } tertial)
        {
            var parsed = new Tertial(int.Parse(tertial.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(tertial.Groups[2].Value, CultureInfo.InvariantCulture));
            period = new ReportPeriod(parsed.Start, parsed.End);
            return true;
        }

        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            if (to < from)
            {
                error = "Periodens slut ligger före dess början.";
                return false;
            }

            period = new ReportPeriod(from, to);
            return true;
        }

        error = $"Perioden '{text}' kan inte tolkas. Skriv ett år (2025), ett tertial (2025-T2) eller två datum (2025-01-01..2025-06-30).";
        return false;
    }

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4})-T([1-3])$", RegexOptions.IgnoreCase)]
    private static partial Regex TertialPattern();
}
