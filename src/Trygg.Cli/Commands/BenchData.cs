using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Trygg.Cli.Commands;

/// <summary>
/// With <c>--write-data DIR</c>, what a benchmark timed and what Trygg computed, as CSV files in DIR, and each timing appended to
/// DIR/timings.csv, for bench/peers.sh to give the same data to the peer tools; without it, nothing.
/// </summary>
internal sealed class BenchData(DirectoryInfo? folder)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public void Write(string file, string header, int rows, Func<int, string> row)
    {
        if (folder is null)
        {
            return;
        }

        folder.Create();
        using var writer = new StreamWriter(Path.Combine(folder.FullName, file), false, new UTF8Encoding(false), 1 << 20);
        writer.Write(header);
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            writer.Write(row(i));
            writer.Write('\n');
        }
    }

    public void Time(string name, double seconds)
    {
        if (folder is not null)
        {
            folder.Create();
            File.AppendAllText(Path.Combine(folder.FullName, "timings.csv"), string.Create(CultureInfo.InvariantCulture, $"trygg,{name},{seconds:0.000}\n"));
        }
    }

    /// <summary>The stadsdelar of shared/data/stockholm/stadsdelar.geojson in the file's order: name (upper case) and WGS84 shape.</summary>
    public static IReadOnlyList<(string Name, Geometry Shape)> ReadStadsdelar(string path)
    {
        using var stream = File.OpenRead(path);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)
            ?? throw new InvalidDataException($"{path} innehåller ingen FeatureCollection.");
        return [.. features.Select(f => ((string)f.Attributes["name"], f.Geometry))];
    }
}
