using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Precision;
using Trygg.Data;

namespace Trygg.Geography;

/// <summary>
/// Loads Stockholms stad (0180), its 11 stadsdelsområden (in force since 1 July 2023), the 13 of July 2020 – June 2023
/// as a historical division, and the 117 stadsdelar, from the city's open data in shared/data/stockholm.
/// </summary>
public sealed class StockholmAreas(AppDbContext db)
{
    public const string MunicipalityCode = "0180";
    public const string MunicipalityName = "Stockholms stad";

    /// <summary>The last day of the 13-area division (the 11-area division took over on 1 July 2023).</summary>
    public static readonly DateOnly PreviousDivisionEnded = new(2023, 6, 30);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    // ~0.1 m at Stockholm's latitude: plenty for boundaries, a third of the text.
    private static readonly GeometryPrecisionReducer Reducer = new(new PrecisionModel(1_000_000));

    public async Task<int> LoadAsync(string stockholmDirectory, CancellationToken cancellationToken = default)
    {
        var rows = ReadHierarchy(Path.Combine(stockholmDirectory, "stadsdelsomraden.csv"));
        var withWater = ReadFeatures(Path.Combine(stockholmDirectory, "stadsdelar.geojson"));
        var withoutWater = ReadFeatures(Path.Combine(stockholmDirectory, "stadsdelar-utan-vatten.geojson"));

        var missing = rows.Where(r => !withWater.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"Stadsdelar utan geometri i stadsdelar.geojson: {string.Join(", ", missing)}");
        }

        var municipality = new Area
        {
            Code = MunicipalityCode,
            Name = MunicipalityName,
            Level = AreaLevel.Municipality,
            Geometry = Write(Union(rows.Select(r => withWater[r.Key]))),
            DisplayGeometry = Write(Union(rows.Select(r => withoutWater.GetValueOrDefault(r.Key) ?? withWater[r.Key]))),
        };
        db.Areas.Add(municipality);

        var current = CreateDistrictAreas(rows, r => r.DistrictArea, name => AreaCodes.DistrictArea(MunicipalityCode, name), municipality, null, withWater, withoutWater);
        var historical = CreateDistrictAreas(rows, r => r.DistrictArea2020, name => AreaCodes.HistoricalDistrictArea(MunicipalityCode, 2020, name), municipality, PreviousDivisionEnded, withWater, withoutWater);

        foreach (var row in rows)
        {
            var neighbourhood = new Area
            {
                Code = AreaCodes.Neighbourhood(MunicipalityCode, row.Name),
                Name = row.Name,
                Level = AreaLevel.Neighbourhood,
                Parent = current[row.DistrictArea],
                Geometry = Write(Reducer.Reduce(withWater[row.Key])),
                DisplayGeometry = withoutWater.TryGetValue(row.Key, out var dry) ? Write(Reducer.Reduce(dry)) : null,
            };
            db.Areas.Add(neighbourhood);
            db.AreaMemberships.Add(new AreaMembership { Container = historical[row.DistrictArea2020], Member = neighbourhood });
        }

        await db.SaveChangesAsync(cancellationToken);
        return 1 + current.Count + historical.Count + rows.Count;
    }

    private Dictionary<string, Area> CreateDistrictAreas(
        IReadOnlyList<HierarchyRow> rows,
        Func<HierarchyRow, string> districtOf,
        Func<string, string> codeOf,
        Area municipality,
        DateOnly? validTo,
        Dictionary<string, Geometry> withWater,
        Dictionary<string, Geometry> withoutWater)
    {
        var areas = new Dictionary<string, Area>(StringComparer.Ordinal);
        foreach (var group in rows.GroupBy(districtOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var area = new Area
            {
                Code = codeOf(group.Key),
                Name = group.Key,
                Level = AreaLevel.DistrictArea,
                Parent = municipality,
                ValidTo = validTo,
                Geometry = Write(Union(group.Select(r => withWater[r.Key]))),
                DisplayGeometry = Write(Union(group.Select(r => withoutWater.GetValueOrDefault(r.Key) ?? withWater[r.Key]))),
            };
            db.Areas.Add(area);
            areas.Add(group.Key, area);
        }

        return areas;
    }

    /// <summary>Adds the landmarks and other names of Stockholm's places (Geography/Data/stockholm-landmarks.csv) that are not there yet.</summary>
    public async Task<int> LoadLandmarksAsync(CancellationToken cancellationToken = default)
    {
        var areas = await db.Areas.Where(a => a.ValidTo == null).ToDictionaryAsync(a => (a.Level, a.Name), a => a.Id, cancellationToken);
        var existing = (await db.PlaceAliases.Select(a => a.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var stream = typeof(StockholmAreas).Assembly.GetManifestResourceStream("Trygg.Geography.Data.stockholm-landmarks.csv")
            ?? throw new InvalidOperationException("stockholm-landmarks.csv saknas i Trygg.Core.");
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(stream, System.Text.Encoding.UTF8) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields() ?? [];
        int nameColumn = Array.IndexOf(header, "name"), areaColumn = Array.IndexOf(header, "area"), levelColumn = Array.IndexOf(header, "level"), kindColumn = Array.IndexOf(header, "kind");
        var added = 0;
        while (parser.ReadFields() is { } fields)
        {
            var level = fields[levelColumn] == "stadsdelsomrade" ? AreaLevel.DistrictArea : AreaLevel.Neighbourhood;
            if (existing.Add(fields[nameColumn]) && areas.TryGetValue((level, fields[areaColumn]), out var areaId))
            {
                db.PlaceAliases.Add(new PlaceAlias { Name = fields[nameColumn], AreaId = areaId, Kind = fields[kindColumn] });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static Geometry Union(IEnumerable<Geometry> parts) => Reducer.Reduce(UnaryUnionOp.Union(parts.ToList()));

    private static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJson);

    internal static IReadOnlyList<HierarchyRow> ReadHierarchy(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path} är tom.");
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"{path} saknar kolumnen '{name}'.");
        int key = Column("stadsdel"), name = Column("namn"), district = Column("stadsdelsomrade"), district2020 = Column("stadsdelsomrade_2020_2023");

        var rows = new List<HierarchyRow>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != header.Length || fields.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidDataException($"{path}, rad {lineNumber}: väntade {header.Length} ifyllda fält.");
            }

            rows.Add(new HierarchyRow(fields[key].Trim(), fields[name].Trim(), fields[district].Trim(), fields[district2020].Trim()));
        }

        return rows;
    }

    /// <summary>Each feature's geometry by its "name"; a file that is not such a FeatureCollection is refused with the reason.</summary>
    private static Dictionary<string, Geometry> ReadFeatures(string path)
    {
        FeatureCollection? features;
        try
        {
            using var stream = File.OpenRead(path);
            features = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // The GeoJSON converter throws more than JsonException on shapes it cannot build.
            throw new InvalidDataException($"{path} kan inte läsas som GeoJSON: {e.Message}", e);
        }

        var byName = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var (feature, index) in (features ?? throw new InvalidDataException($"{path} innehåller ingen FeatureCollection.")).Select((f, i) => (f, i + 1)))
        {
            if (feature?.Attributes?.GetOptionalValue("name") is not string { Length: > 0 } name)
            {
                throw new InvalidDataException($"{path}, område {index}: namnet (egenskapen name) saknas.");
            }

            if (feature.Geometry is null || feature.Geometry.IsEmpty)
            {
                throw new InvalidDataException($"{path}: {name} saknar geometri.");
            }

            if (!byName.TryAdd(name, feature.Geometry))
            {
                throw new InvalidDataException($"{path}: {name} förekommer mer än en gång.");
            }
        }

        return byName;
    }

    internal sealed record HierarchyRow(string Key, string Name, string DistrictArea, string DistrictArea2020);
}
