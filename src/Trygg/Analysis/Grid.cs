namespace Trygg.Analysis;

/// <summary>
/// A square grid in metres over a set of points: origin at the points' minimum rounded down to a whole cell, cells numbered
/// row by row from the south-west. Cell (c, r) has its centre at (originX + (c + ½)·size, originY + (r + ½)·size).
/// </summary>
public sealed record Grid(double OriginX, double OriginY, double CellSize, int Columns, int Rows)
{
    public int Count => Columns * Rows;

    public static Grid Covering(IReadOnlyList<double> x, IReadOnlyList<double> y, double cellSize, double margin = 0)
    {
        if (x.Count == 0)
        {
            throw new ArgumentException("Inga punkter att lägga ett rutnät över.");
        }

        var originX = Math.Floor((x.Min() - margin) / cellSize) * cellSize;
        var originY = Math.Floor((y.Min() - margin) / cellSize) * cellSize;
        var columns = (int)Math.Floor((x.Max() + margin - originX) / cellSize) + 1;
        var rows = (int)Math.Floor((y.Max() + margin - originY) / cellSize) + 1;
        return new Grid(originX, originY, cellSize, columns, rows);
    }

    public double CentreX(int cell) => OriginX + (((cell % Columns) + 0.5) * CellSize);

    public double CentreY(int cell) => OriginY + (((cell / Columns) + 0.5) * CellSize);

    /// <summary>How many points fall in each cell.</summary>
    public double[] Counts(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var counts = new double[Count];
        for (var i = 0; i < x.Count; i++)
        {
            var column = (int)Math.Floor((x[i] - OriginX) / CellSize);
            var row = (int)Math.Floor((y[i] - OriginY) / CellSize);
            if (column >= 0 && column < Columns && row >= 0 && row < Rows)
            {
                counts[(row * Columns) + column]++;
            }
        }

        return counts;
    }
}
