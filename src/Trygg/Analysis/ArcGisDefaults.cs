namespace Trygg.Analysis;

/// <summary>
/// The defaults of ArcGIS Pro's Kernel Density tool, so that a density with no settings looks like an analyst's: the cell is the
/// shorter side of the points' extent divided by 250, and the search radius is Silverman's rule of thumb made robust to
/// outliers, 0.9 · min(SD, √(1/ln 2) · Dₘ) · n^−0.2, with SD the standard distance and Dₘ the median distance from the mean centre.
/// </summary>
public static class ArcGisDefaults
{
    public static double CellSize(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var shorter = Math.Min(x.Max() - x.Min(), y.Max() - y.Min());
        return shorter > 0 ? shorter / 250 : 1;
    }

    public static double SearchRadius(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        var (meanX, meanY) = (x.Average(), y.Average());
        var distances = new double[n];
        for (var i = 0; i < n; i++)
        {
            distances[i] = Math.Sqrt(((x[i] - meanX) * (x[i] - meanX)) + ((y[i] - meanY) * (y[i] - meanY)));
        }

        var standardDistance = Math.Sqrt(distances.Sum(d => d * d) / n);
        Array.Sort(distances);
        var median = n % 2 == 1 ? distances[n / 2] : (distances[(n / 2) - 1] + distances[n / 2]) / 2;
        return 0.9 * Math.Min(standardDistance, Math.Sqrt(1 / Math.Log(2)) * median) * Math.Pow(n, -0.2);
    }
}
