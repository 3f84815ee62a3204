namespace Trygg.Analysis;

/// <summary>
/// A monthly series over whole months, its Mann–Kendall trend, and its last 12 months against the 12 before with the exact
/// Poisson test. The month of the latest incident in the data is still partial, so a series ends the month before it.
/// </summary>
public static class MonthlyChange
{
    /// <summary>The last whole month, given when the latest incident happened (Swedish time).</summary>
    public static DateOnly LastWholeMonth(DateTime latestLocal) => new DateOnly(latestLocal.Year, latestLocal.Month, 1).AddMonths(-1);

    /// <summary>The months <paramref name="first"/> to <paramref name="last"/> (first days), counted by <paramref name="countOf"/>; months without incidents count 0.</summary>
    public static MonthlyChangeResult Analyse(DateOnly first, DateOnly last, Func<DateOnly, long> countOf)
    {
        var series = new List<(DateOnly Month, long Count)>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            series.Add((month, countOf(month)));
        }

        var trend = MannKendall.Test(series.Select(m => (double)m.Count).ToList());
        var change = series.Count >= 24
            ? CountChange.Test((int)series.SkipLast(12).TakeLast(12).Sum(m => m.Count), 1, (int)series.TakeLast(12).Sum(m => m.Count), 1)
            : null;
        return new MonthlyChangeResult(series, trend, change);
    }
}

/// <summary>The series, its trend, and the change of its last 12 months (null with fewer than 24 months).</summary>
public sealed record MonthlyChangeResult(IReadOnlyList<(DateOnly Month, long Count)> Series, MannKendallResult Trend, CountChangeResult? Change);
