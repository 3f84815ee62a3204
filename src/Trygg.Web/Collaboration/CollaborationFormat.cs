using System.Globalization;

namespace Trygg.Web.Collaboration;

/// <summary>
/// How samverkan's pages write and read dates, kronor and shares: always with an explicit culture, so that a machine set to
/// another language neither shows "1,234.00" nor reads "59,39" as 5939.
/// </summary>
public static class CollaborationFormat
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whole kronor with Swedish digit grouping ("2 400 000 kr"); the spaces do not break, so an amount stays on one line.</summary>
    public static string Sek(decimal amount) => amount.ToString("N0", Swedish) + "\u00a0kr";

    /// <summary>A share of 0–1 as a whole percentage in Swedish ("63 %", with a space that does not break).</summary>
    public static string Percent(double share) => (share * 100).ToString("0", Swedish) + "\u00a0%";

    /// <summary>A number as a person types it, with a decimal comma or point and spaces between thousands ("850 000", "59,3884"); null when it is none.</summary>
    public static decimal? ParseNumber(string? text)
    {
        var cleaned = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>Ids stored as a comma-separated list ("3,7"), as steering documents keep the plans and agreements that implement them.</summary>
    public static IReadOnlyList<int> Ids(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null)
            .OfType<int>().ToList();
}
