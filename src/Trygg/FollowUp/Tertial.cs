using System.Globalization;

namespace Trygg.FollowUp;

/// <summary>A tertial, the city's follow-up period: T1 January–April, T2 May–August, T3 September–December.</summary>
public readonly record struct Tertial(int Year, int Number)
{
    public DateOnly Start => new(Year, ((Number - 1) * 4) + 1, 1);

    public DateOnly End => Start.AddMonths(4).AddDays(-1);

    public static Tertial Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 4) + 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-T{Number}");
}
