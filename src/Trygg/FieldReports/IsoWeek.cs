using System.Globalization;

namespace Trygg.FieldReports;

/// <summary>
/// An ISO 8601 week ("2026-W47"), the EST meeting's period: Monday to Sunday in Swedish time, week 1 holding the year's
/// first Thursday, as Swedish calendars number them.
/// </summary>
public readonly record struct IsoWeek(int Year, int Number)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The week's first moment, UTC (Monday 00:00 in Sweden).</summary>
    public DateTimeOffset StartUtc => new(SwedishTime.ToUtc(Monday.ToDateTime(TimeOnly.MinValue)), TimeSpan.Zero);

    /// <summary>The next week's first moment, UTC: the week is [StartUtc, EndUtc).</summary>
    public DateTimeOffset EndUtc => AddWeeks(1).StartUtc;

    public static IsoWeek Of(DateOnly day) => new(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The week a UTC moment falls in, in Swedish time.</summary>
    public static IsoWeek Of(DateTimeOffset moment) => Of(DateOnly.FromDateTime(SwedishTime.ToLocal(moment.UtcDateTime)));

    public IsoWeek AddWeeks(int weeks) => Of(Monday.AddDays(7 * weeks));

    /// <summary>The week with the same number a year earlier; week 53 falls back on week 52 in a year without one.</summary>
    public IsoWeek SameWeekLastYear => new(Year - 1, Math.Min(Number, ISOWeek.GetWeeksInYear(Year - 1)));

    /// <summary>What to say when a week cannot be read.</summary>
    public static string CannotRead(string? text) => $"Veckan '{text}' kan inte tolkas. Skriv t.ex. 2026-W47.";

    /// <summary>"2026-W47" (any case, also "2026-W7"), years 1901–2999 and weeks the year has.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var parts = (text ?? "").Trim().ToUpperInvariant().Split("-W");
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= ISOWeek.GetWeeksInYear(year))
        {
            week = new IsoWeek(year, number);
            return true;
        }

        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Number:00}");
}
