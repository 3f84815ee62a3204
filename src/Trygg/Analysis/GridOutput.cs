using System.Globalization;
using System.Text;
using System.Text.Json;
using Trygg.Geography;

namespace Trygg.Analysis;

/// <summary>
/// Grid results as CSV (cell, centre x, centre y, values) or as GeoJSON squares; SWEREF 99 TM grids are written in WGS84.
/// Figures for the whole grid go into the FeatureCollection as foreign members (RFC 7946, 6.1).
/// </summary>
public static class GridOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string Csv(Grid grid, IEnumerable<int> cells, string[] names, Func<int, double[]> values)
    {
        var csv = new StringBuilder("cell,x,y,").AppendJoin(',', names).Append('\n');
        foreach (var cell in cells)
        {
            csv.Append(cell.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(grid.CentreX(cell).ToString("0.###", CultureInfo.InvariantCulture)).Append(',')
                .Append(grid.CentreY(cell).ToString("0.###", CultureInfo.InvariantCulture)).Append(',')
                .AppendJoin(',', values(cell).Select(v => v.ToString("G10", CultureInfo.InvariantCulture))).Append('\n');
        }

        return csv.ToString();
    }

    public static string GeoJson(Grid grid, IEnumerable<int> cells, Func<int, Dictionary<string, object>> properties, bool sweref, IReadOnlyDictionary<string, object>? members = null)
    {
        var half = grid.CellSize / 2;
        double[] Corner(double x, double y)
        {
            if (!sweref)
            {
                return [x, y];
            }

            var (lat, lon) = Sweref99Tm.ToWgs84(x, y);
            return [Math.Round(lon, 7), Math.Round(lat, 7)];
        }

        var features = cells.Select(cell =>
        {
            var (cx, cy) = (grid.CentreX(cell), grid.CentreY(cell));
            var ring = new[] { Corner(cx - half, cy - half), Corner(cx + half, cy - half), Corner(cx + half, cy + half), Corner(cx - half, cy + half), Corner(cx - half, cy - half) };
            var props = properties(cell);
            props["cell"] = cell;
            return new { type = "Feature", properties = props, geometry = new { type = "Polygon", coordinates = new[] { ring } } };
        });
        var collection = new Dictionary<string, object> { ["type"] = "FeatureCollection" };
        foreach (var (name, value) in members ?? new Dictionary<string, object>())
        {
            collection[name] = value;
        }

        collection["features"] = features;
        return JsonSerializer.Serialize(collection, Json);
    }
}
