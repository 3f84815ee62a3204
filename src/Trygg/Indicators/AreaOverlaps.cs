using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// How SCB's DeSO areas lie in the city's stadsdelar: from DeSO boundaries as SCB's WFS gives them (GeoJSON, EPSG:3006 or
/// WGS84, the code in "deso" or "desokod"), the share of each DeSO's area inside each stadsdel, computed in SWEREF 99 TM
/// metres. Figures for DeSOs (population) are carried to stadsdelar by these shares, on the assumption that residents are
/// spread evenly over a DeSO — small, so the error is small, but an estimate all the same.
/// </summary>
public sealed partial class AreaOverlaps(AppDbContext db, ImportRuns importRuns, TimeProvider time)
{
    public const string Source = "scb-deso";

    /// <summary>Shares below this are slivers of simplified borders, not residents; the rest are scaled to add up to 1.</summary>
    private const double Sliver = 0.002;

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>A DeSO code: municipality code, A/B/C for the kind of area, four digits ("0180C1090").</summary>
    public static bool IsDeso(string code) => DesoCode().IsMatch(code);

    /// <summary>Reads DeSO boundaries and replaces the overlaps of the city's DeSOs (those whose code starts with a municipality's code); all or nothing.</summary>
    public async Task<ImportReport> LoadDesoGeometryAsync(Stream geoJson, string fileName, string? userName, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var startedAt = time.GetUtcNow().UtcDateTime;
        var rejected = new RejectionLog();
        var (desos, features) = ReadDesos(geoJson, rejected);
        var municipalities = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Municipality && a.ValidTo == null).Select(a => a.Code).ToListAsync(cancellationToken);
        var stadsdelar = (await db.Areas.AsNoTracking()
            .Where(a => a.Level == AreaLevel.Neighbourhood && a.ValidTo == null && a.Geometry != null)
            .Select(a => new { a.Code, a.Geometry }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, Shape: AreaNeighbours.ToSweref(a.Geometry!))).ToList();
        if (stadsdelar.Count == 0)
        {
            rejected.Add(0, "Inga stadsdelar med gränser finns inlästa; läs in stadens områden först.");
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < stadsdelar.Count; i++)
        {
            tree.Insert(stadsdelar[i].Shape.EnvelopeInternal, i);
        }

        var overlaps = new List<AreaOverlap>();
        var outside = 0;
        foreach (var (code, shape, _) in desos)
        {
            if (!municipalities.Any(m => code.StartsWith(m, StringComparison.Ordinal)))
            {
                outside++;
                continue;
            }

            var shares = tree.Query(shape.EnvelopeInternal)
                .Select(i => (stadsdelar[i].Code, Share: shape.Intersection(stadsdelar[i].Shape).Area / shape.Area))
                .Where(s => s.Share >= Sliver)
                .ToList();
            var covered = shares.Sum(s => s.Share);
            overlaps.AddRange(shares.Select(s => new AreaOverlap { FromCode = code, ToCode = s.Code, Share = s.Share / covered }));
        }

        foreach (var (code, _, record) in desos.Where(d => municipalities.Any(m => d.Code.StartsWith(m, StringComparison.Ordinal)) && !overlaps.Any(o => o.FromCode == d.Code)))
        {
            rejected.Add(record, $"DeSO {code} ligger inte i någon stadsdel; är gränserna i rätt koordinatsystem (EPSG:3006 eller WGS84)?");
        }

        var codes = overlaps.Select(o => o.FromCode).Distinct().ToList();
        var existing = await db.AreaOverlaps.AsNoTracking().Where(o => codes.Contains(o.FromCode)).ToDictionaryAsync(o => (o.FromCode, o.ToCode), o => o.Share, cancellationToken);
        var refused = rejected.Count > 0;
        var inserted = overlaps.Count(o => !existing.ContainsKey((o.FromCode, o.ToCode)));
        var unchanged = overlaps.Count(o => existing.TryGetValue((o.FromCode, o.ToCode), out var share) && Math.Abs(share - o.Share) < 1e-9);
        var kept = overlaps.Select(o => (o.FromCode, o.ToCode)).ToHashSet();

        // A pair whose share changed, or that the new boundaries no longer have, counts as updated.
        var updated = overlaps.Count - inserted - unchanged + existing.Keys.Count(k => !kept.Contains(k));
        var report = new ImportReport
        {
            Read = features,
            Inserted = refused ? 0 : inserted,
            Updated = refused ? 0 : updated,
            Unchanged = refused ? 0 : unchanged,
            OutsideScope = outside,
            Rejected = rejected.Kept,
            RejectedCount = rejected.Count,
            Committed = !refused && !dryRun,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await importRuns.RecordAsync(report, Source, "fil", fileName, userName, startedAt, dryRun, cancellationToken);
        if (report.Committed)
        {
            await db.AreaOverlaps.Where(o => codes.Contains(o.FromCode)).ExecuteDeleteAsync(cancellationToken);
            db.AreaOverlaps.AddRange(overlaps);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    /// <summary>
    /// Estimates for stadsdelar (the sum of each DeSO's figure times its share, in whole persons) and for stadsdelsområden (the
    /// sum of their stadsdelar, only when every one of them has an estimate).
    /// </summary>
    public static IEnumerable<ObservedValue> Estimate(IReadOnlyList<ObservedValue> observations, IReadOnlyList<AreaOverlap> overlaps, IReadOnlyDictionary<string, string> parentOf)
    {
        var shares = overlaps.GroupBy(o => o.FromCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var neighbourhoods = new Dictionary<ObservationKey, double>();
        foreach (var observation in observations)
        {
            if (observation.Value is { } value && shares.TryGetValue(observation.AreaCode, out var into))
            {
                foreach (var overlap in into)
                {
                    var key = observation.Key with { AreaCode = overlap.ToCode };
                    neighbourhoods[key] = neighbourhoods.GetValueOrDefault(key) + (value * overlap.Share);
                }
            }
        }

        var children = parentOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var districts = neighbourhoods
            .Where(n => parentOf.ContainsKey(n.Key.AreaCode))
            .GroupBy(n => n.Key with { AreaCode = parentOf[n.Key.AreaCode] })
            .Where(g => g.Count() == children[g.Key.AreaCode])
            .Select(g => (g.Key, Value: g.Sum(n => Math.Round(n.Value))));
        return neighbourhoods.Select(n => (n.Key, Value: Math.Round(n.Value))).Concat(districts)
            .Select(e => new ObservedValue(e.Key.AreaCode, e.Key.Period, e.Key.Sex, e.Key.AgeBand, e.Key.Group, e.Value));
    }

    private static (List<(string Code, Geometry Shape, int Record)> Desos, int Features) ReadDesos(Stream geoJson, RejectionLog rejected)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(geoJson);
        }
        catch (JsonException e)
        {
            rejected.Add(0, $"Filen är inte giltig GeoJSON (trasig eller avkortad): {e.Message}");
            return ([], 0);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                rejected.Add(0, "Filen är ingen GeoJSON FeatureCollection (\"features\" saknas).");
                return ([], 0);
            }

            var sweref = InSweref(root, features);
            var desos = new List<(string, Geometry, int)>();
            var record = 0;
            foreach (var feature in features.EnumerateArray())
            {
                record++;
                var code = Property(feature, "deso") ?? Property(feature, "desokod");
                if (code is null || !IsDeso(code))
                {
                    rejected.Add(record, $"Objekt {record} har ingen DeSO-kod i egenskapen deso eller desokod{(code is null ? "" : $" ('{code}' är ingen DeSO-kod)")}.");
                    continue;
                }

                Geometry? shape;
                try
                {
                    shape = feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? g.Deserialize<Geometry>(GeoJson) : null;
                }
                catch (JsonException e)
                {
                    rejected.Add(record, $"DeSO {code}: geometrin kan inte läsas ({e.Message}).");
                    continue;
                }

                if (shape is not (Polygon or MultiPolygon) || shape.IsEmpty)
                {
                    rejected.Add(record, $"DeSO {code} har ingen yta (polygon) som geometri.");
                    continue;
                }

                shape = sweref ? shape : Sweref99Tm.FromWgs84(shape);
                desos.Add((code, shape.IsValid ? shape : shape.Buffer(0), record));
            }

            return (desos, record);
        }
    }

    /// <summary>EPSG:3006 when the file says so, or when its coordinates are metres rather than degrees.</summary>
    private static bool InSweref(JsonElement root, JsonElement features)
    {
        if (root.TryGetProperty("crs", out var crs) && crs.TryGetProperty("properties", out var properties) && Property(properties, "name") is { } name)
        {
            return name.Contains("3006", StringComparison.Ordinal);
        }

        var first = features.EnumerateArray().Select(f => f.TryGetProperty("geometry", out var g) ? FirstNumber(g) : null).FirstOrDefault(n => n is not null);
        return first is > 180 or < -180;
    }

    private static double? FirstNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FirstNumber).FirstOrDefault(n => n is not null),
        JsonValueKind.Object when element.TryGetProperty("coordinates", out var c) => FirstNumber(c),
        _ => null,
    };

    private static string? Property(JsonElement element, string name)
    {
        var properties = element.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : element;
        return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    [GeneratedRegex("^[0-9]{4}[ABC][0-9]{4}$")]
    private static partial Regex DesoCode();
}
