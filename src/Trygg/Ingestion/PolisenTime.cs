using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Ingestion;

/// <summary>Times in Polisen notices: the published <c>datetime</c> (hours may have one digit) and the event time in the title ("20 mars 10:14").</summary>
public static partial class PolisenTime
{
    private static readonly string[] PublishedFormats = ["yyyy-MM-dd H:mm:ss zzz", "yyyy-MM-dd HH:mm:ss zzz"];

    private static readonly string[] Months =
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

    public static bool TryParsePublished(string? text, out DateTimeOffset published) =>
        DateTimeOffset.TryParseExact(text?.Trim(), PublishedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out published);

    /// <summary>
    /// The event time from a title like "20 mars 10:14, Trafikolycka, Malmö" (Swedish local time, no year). The year is the
    /// publication's, or the one before when that would put the event after its publication (a December event published in January).
    /// </summary>
    public static DateTimeOffset? ParseOccurred(string? title, DateTimeOffset published)
    {
        var match = TitleTime().Match(title ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || hour > 23 || minute > 59)
        {
            return null;
        }

        var publishedLocal = TimeZoneInfo.ConvertTime(published, SwedishTime.Zone);
        foreach (var year in (int[])[publishedLocal.Year, publishedLocal.Year - 1])
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
            var occurred = new DateTimeOffset(local, SwedishTime.Zone.GetUtcOffset(local));
            if (occurred <= published.AddDays(1))
            {
                return occurred;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?<day>\d{1,2})\s+(?<month>\p{L}+)\s+(?<hour>\d{1,2})[.:](?<minute>\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex TitleTime();
}
