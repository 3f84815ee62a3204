using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Trygg.Data;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>
/// DeSO boundaries carried onto the stadsdelar. No real DeSO file is public here, so two DeSOs are drawn from the city's
/// own boundaries: one is Rinkeby, one is Tensta and Solhem together; the expected shares are computed with ProjNet.
/// </summary>
public sealed class PopulationDesoTests : IAsyncLifetime
{
    private const string Sweref99TmWkt = """
        PROJCS["SWEREF99 TM",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
        PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",15],PARAMETER["scale_factor",0.9996],
        PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]
        """;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private TryggApp app = default!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => app = await ScbRecordings.AppWithAreasAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EachDesosShareOfEveryStadsdelIsItsShareOfTheArea(bool inSweref)
    {
        var (geoJson, tenstaShare) = Desos(inSweref);

        var report = await LoadAsync(geoJson);

        Assert.True(report.Committed, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        Assert.Equal(3, report.Read);
        Assert.Equal(1, report.OutsideScope);
        var overlaps = await OverlapsAsync();
        Assert.Equal(1.0, Assert.Single(overlaps, o => o.FromCode == "0180C0001").Share, 1e-9);
        Assert.Equal("0180-sd-rinkeby", overlaps.Single(o => o.FromCode == "0180C0001").ToCode);
        Assert.Equal(tenstaShare, overlaps.Single(o => o is { FromCode: "0180C0002", ToCode: "0180-sd-tensta" }).Share, 0.005);
        Assert.Equal(1.0, overlaps.Where(o => o.FromCode == "0180C0002").Sum(o => o.Share), 1e-9);
    }

    [Fact]
    public async Task PopulationByDesoBecomesThePopulationOfTheStadsdelarItLiesIn()
    {
        var (geoJson, tenstaShare) = Desos(inSweref: false);
        await LoadAsync(geoJson);

        // Invented figures for the test: Region × Kon × Tid, the last fastest.
        var table = """
            {"version":"2.0","class":"dataset","label":"Folkmängd per DeSO (testdata)","id":["Region","Kon","Tid"],"size":[2,2,1],
             "role":{"time":["Tid"]},
             "dimension":{"Region":{"category":{"index":{"0180C0001_DeSO2025":0,"0180C0002_DeSO2025":1}}},
                          "Kon":{"category":{"index":{"1":0,"2":1},"label":{"1":"män","2":"kvinnor"}}},
                          "Tid":{"category":{"index":{"2025":0}}}},
             "value":[1000,1100,2000,2200]}
            """;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<PopulationImporter>()
                .ImportTablesAsync([JsonStat.Read(Encoding.UTF8.GetBytes(table))], "DeSO", "test", cancellationToken: Token);
            Assert.True(report.Committed, string.Join("; ", report.Rejected.Select(r => r.Reason)));
        }

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var population = await db.Areas.Where(a => a.Code.StartsWith("0180-")).ToDictionaryAsync(a => a.Code, a => a.Population, Token);
        Assert.Equal(2100, population["0180-sd-rinkeby"]);
        Assert.Equal(4200 * tenstaShare, population["0180-sd-tensta"]!.Value, 4200 * 0.005);
        Assert.InRange(population["0180-sd-tensta"]!.Value + population["0180-sd-solhem"]!.Value, 4199, 4201); // each rounded to whole persons
        Assert.Null(population["0180-so-jarva"]);
        var observations = await db.IndicatorObservations.Where(o => o.AreaCode == "0180C0002" || o.AreaCode == "0180-sd-rinkeby").ToListAsync(Token);
        Assert.Equal(4200, observations.Single(o => o is { AreaCode: "0180C0002", Sex: "", AgeBand: "" }).Value);
        Assert.Equal(1100, observations.Single(o => o is { AreaCode: "0180-sd-rinkeby", Sex: "kvinnor" }).Value);
    }

    [Fact]
    public async Task AFeatureWithoutADesoCodeRefusesTheFileAndNothingIsWritten()
    {
        var (geoJson, _) = Desos(inSweref: false);
        var collection = JsonNode.Parse(geoJson)!;
        collection["features"]![1]!["properties"] = new JsonObject { ["namn"] = "Tensta" };

        var report = await LoadAsync(collection.ToJsonString());

        Assert.False(report.Committed);
        Assert.Contains("Objekt 2 har ingen DeSO-kod i egenskapen deso eller desokod", Assert.Single(report.Rejected).Reason);
        Assert.Empty(await OverlapsAsync());
    }

    /// <summary>Rinkeby as DeSO 0180C0001, Tensta and Solhem as 0180C0002, a Solna DeSO outside the city; and Tensta's share of the second by ProjNet.</summary>
    private static (string GeoJson, double TenstaShare) Desos(bool inSweref)
    {
        using var file = File.OpenRead(Path.Combine(SharedData.Directory, "stockholm", "stadsdelar.geojson"));
        var stadsdelar = JsonSerializer.Deserialize<FeatureCollection>(file, GeoJson)!.ToDictionary(f => (string)f.Attributes["name"], f => f.Geometry);
        var tensta = stadsdelar["TENSTA"];
        var both = tensta.Union(stadsdelar["SOLHEM"]);
        var solna = stadsdelar["AKALLA"].Buffer(0);
        var features = new JsonArray(
            Feature("deso", "0180C0001", stadsdelar["RINKEBY"], inSweref),
            Feature("desokod", "0180C0002", both, inSweref),
            Feature("deso", "0184A0010", solna, inSweref));
        var collection = new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
        if (inSweref)
        {
            collection["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::3006" } };
        }

        return (collection.ToJsonString(), ProjectedArea(tensta) / ProjectedArea(both));
    }

    private static JsonObject Feature(string property, string code, Geometry geometry, bool inSweref)
    {
        var shape = JsonNode.Parse(JsonSerializer.Serialize(geometry, GeoJson))!;
        return new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = new JsonObject { [property] = code },
            ["geometry"] = inSweref ? Project(shape) : shape,
        };
    }

    private static JsonNode Project(JsonNode node)
    {
        if (node is JsonObject o)
        {
            return new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Key == "coordinates" ? Project(p.Value!) : p.Value?.DeepClone())));
        }

        var array = node.AsArray();
        if (array.Count == 2 && array[0] is JsonValue)
        {
            var xy = Transform().MathTransform.Transform([(double)array[0]!, (double)array[1]!]);
            return new JsonArray(xy[0], xy[1]);
        }

        return new JsonArray(array.Select(a => Project(a!)).ToArray());
    }

    private static double ProjectedArea(Geometry wgs84)
    {
        var projected = wgs84.Copy();
        projected.Apply(new ProjNetFilter());
        return projected.Area;
    }

    private static ICoordinateTransformation Transform()
    {
        var sweref = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Sweref99TmWkt);
        return new CoordinateTransformationFactory().CreateFromCoordinateSystems(sweref.GeographicCoordinateSystem, sweref);
    }

    private async Task<Trygg.Ingestion.ImportReport> LoadAsync(string geoJson)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AreaOverlaps>()
            .LoadDesoGeometryAsync(new MemoryStream(Encoding.UTF8.GetBytes(geoJson)), "deso.geojson", "test", cancellationToken: Token);
    }

    private async Task<List<AreaOverlap>> OverlapsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AreaOverlaps.ToListAsync(Token);
    }

    private sealed class ProjNetFilter : IEntireCoordinateSequenceFilter
    {
        private readonly ICoordinateTransformation transform = Transform();

        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var xy = transform.MathTransform.Transform([sequence.GetX(i), sequence.GetY(i)]);
                sequence.SetX(i, xy[0]);
                sequence.SetY(i, xy[1]);
            }
        }
    }
}
