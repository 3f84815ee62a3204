using System.Globalization;

namespace Trygg.Ingestion.Files;

/// <summary>Values as people write them in Swedish files: decimal comma or point, dates in the usual forms, Excel's serial dates.</summary>
public static class FieldParsers
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH.mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm", "d.M.yyyy", "d.M.yyyy HH:mm",
    ];

    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss", "HH.mm", "H.mm", "HHmm"];

    /// <summary>A number with decimal comma or point ("59,3293", "59.3293"); thousands separators are not accepted.</summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        var trimmed = text?.Trim().Replace('\u2212', '-');
        if (string.IsNullOrEmpty(trimmed) || (trimmed.Contains(',', StringComparison.Ordinal) && trimmed.Contains('.', StringComparison.Ordinal)))
        {
            value = 0;
            return false;
        }

        return double.TryParse(trimmed.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Swedish wall-clock date and time from a date column (maybe with time, maybe Excel's serial number) and an optional time column.</summary>
    public static bool TryParseDateTime(string? date, string? time, out DateTime value)
    {
        value = default;
        var text = date?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            if (!TryParseNumber(text, out var serial) || serial < 20_000 || serial > 80_000)
            {
                return false;
            }

            value = DateTime.FromOADate(serial); // Excel's serial date, as XLSX stores dates
        }

        if (string.IsNullOrWhiteSpace(time))
        {
            return true;
        }

        if (DateTime.TryParseExact(time.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            value = value.Date + clock.TimeOfDay;
            return true;
        }

        if (TryParseNumber(time, out var fraction) && fraction is >= 0 and < 1)
        {
            value = value.Date + TimeSpan.FromDays(fraction);
            return true;
        }

        return false;
    }
}
