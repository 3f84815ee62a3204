using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;

namespace Trygg.Geography;

/// <summary>
/// Which areas border on each other: contiguity with a tolerance, because the city's simplified borders leave slivers and
/// overlaps of a few metres between neighbours. Two areas are neighbours when their shapes, in SWEREF 99 TM metres, come
/// within <c>tolerance</c> of each other (as <c>sf::st_is_within_distance</c>); every area is its own neighbour too, as Gi* wants.
/// </summary>
public static class AreaNeighbours
{
    public const double DefaultTolerance = 100;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IReadOnlyList<IReadOnlyList<int>> Within(IReadOnlyList<Geometry> shapesInMetres, double tolerance = DefaultTolerance)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < shapesInMetres.Count; i++)
        {
            tree.Insert(shapesInMetres[i].EnvelopeInternal, i);
        }

        tree.Build();
        var neighbours = new IReadOnlyList<int>[shapesInMetres.Count];
        for (var i = 0; i < shapesInMetres.Count; i++)
        {
            var reach = new Envelope(shapesInMetres[i].EnvelopeInternal);
            reach.ExpandBy(tolerance);
            neighbours[i] = tree.Query(reach).Where(j => j == i || shapesInMetres[i].IsWithinDistance(shapesInMetres[j], tolerance)).Order().ToList();
        }

        return neighbours;
    }

    /// <summary>An area's stored GeoJSON geometry (WGS84) in SWEREF 99 TM metres.</summary>
    public static Geometry ToSweref(string geoJson) =>
        Sweref99Tm.FromWgs84(JsonSerializer.Deserialize<Geometry>(geoJson, GeoJson) ?? throw new InvalidDataException("Områdets geometri saknas."));
}
