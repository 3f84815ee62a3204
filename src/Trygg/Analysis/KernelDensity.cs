namespace Trygg.Analysis;

/// <summary>
/// Kernel density with the quartic kernel as ArcGIS's Kernel Density defines it (Silverman 1986, eq. 4.5): at each cell centre
/// (1/r²) Σ (3/π)(1 − (d/r)²)² over points closer than r; reported per square kilometre.
/// </summary>
public static class KernelDensity
{
    public static double[] Quartic(Grid grid, IReadOnlyList<double> x, IReadOnlyList<double> y, double radius)
    {
        var density = new double[grid.Count];
        var reach = (int)Math.Ceiling(radius / grid.CellSize);
        var scale = 3.0 / Math.PI / (radius * radius) * 1_000_000; // per km²
        for (var i = 0; i < x.Count; i++)
        {
            var column = (int)Math.Floor((x[i] - grid.OriginX) / grid.CellSize);
            var row = (int)Math.Floor((y[i] - grid.OriginY) / grid.CellSize);
            for (var r = Math.Max(0, row - reach); r <= Math.Min(grid.Rows - 1, row + reach); r++)
            {
                var dy = grid.OriginY + ((r + 0.5) * grid.CellSize) - y[i];
                for (var c = Math.Max(0, column - reach); c <= Math.Min(grid.Columns - 1, column + reach); c++)
                {
                    var dx = grid.OriginX + ((c + 0.5) * grid.CellSize) - x[i];
                    var u = ((dx * dx) + (dy * dy)) / (radius * radius);
                    if (u < 1)
                    {
                        density[(r * grid.Columns) + c] += scale * (1 - u) * (1 - u);
                    }
                }
            }
        }

        return density;
    }
}
