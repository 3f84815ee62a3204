using System.Globalization;

namespace Trygg.FollowUp;

/// <summary>A tertial, the city's follow-up period: T1 January–April, T2 May–August, T3 September–December.</summary>
public readonly record struct Tertial(int Year, int Number)
{
    public DateOnly Start => new(Year, ((Number - 1) * 4) + 1, 1);

    public DateOnly End => Start.AddMonths(4).AddDays(-1);

    public static Tertial Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 4) + 1);

    /// <summary>"2025-T2" (any case, years 1901–2999).</summary>
    /// <summary>What to say when a tertial cannot be read.</summary>
    public static string CannotRead(string? text) => $"Tertialet '{text}' kan inte tolkas. Skriv t.ex. 2025-T2.";

    public static bool TryParse(string? text, out Tertial tertial)
    {
        tertial = default;
        var parts = (text ?? "").Trim().ToUpperInvariant().Split("-T");
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 3 && year is > 1900 and < 3000)
        {
            tertial = new Tertial(year, number);
            return true;
        }

        return false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-T{Number}");
}
