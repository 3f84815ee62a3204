using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO.Converters;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Security;

namespace Trygg.Ingestion.Files;

/// <summary>
/// Imports incidents from any file a municipality has (fire-brigade call-outs, guard reports, Tyck till exports, …) through
/// a column mapping. Every record is checked; one refused record refuses the batch; a dry run checks and counts only.
/// </summary>
public sealed class IncidentFileImporter(AppDbContext db, Categories categoryMappings)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<ImportReport> ImportAsync(TabularFile file, IncidentFileMapping mapping, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var problems = mapping.Problems(file.Columns);
        if (problems.Count > 0)
        {
            return new ImportReport { Rejected = problems.Select(p => new RejectedRecord(0, p)).ToList(), RejectedCount = problems.Count };
        }

        var source = mapping.Source.Trim().ToLowerInvariant();
        int Column(string? name) => name is null ? -1 : file.Columns.ToList().IndexOf(name);
        int id = Column(mapping.Id), date = Column(mapping.Date), time = Column(mapping.Time), type = Column(mapping.Type), category = Column(mapping.Category),
            latitude = Column(mapping.Latitude), longitude = Column(mapping.Longitude), x = Column(mapping.X), y = Column(mapping.Y),
            areaName = Column(mapping.AreaName), text = Column(mapping.Text);

        var places = await PlacesAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var typeCategories = await categoryMappings.MappingAsync(source, cancellationToken);
        var batch = await IncidentBatch.StartAsync(db, source, cancellationToken);
        var rejected = batch.Rejected;
        var rows = 0;

        try
        {
            foreach (var row in file.Rows)
            {
                var line = ++rows + 1; // the header is line 1
                string? Value(int column) => column >= 0 && !string.IsNullOrWhiteSpace(row[column]) ? row[column]!.Trim() : null;
                if (row.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                batch.Read++;

                var externalId = Value(id);
                if (externalId is null)
                {
                    rejected.Add(line, "Id saknas.");
                    continue;
                }

                if (!FieldParsers.TryParseDateTime(Value(date), Value(time), out var local))
                {
                    var written = string.Join(' ', new[] { Value(date), Value(time) }.OfType<string>());
                    rejected.Add(line, $"Datumet '{written}' kan inte tolkas. Skriv det som ÅÅÅÅ-MM-DD TT:MM.");
                    continue;
                }

                var incidentType = Value(type);
                if (incidentType is null)
                {
                    rejected.Add(line, "Händelsetyp saknas.");
                    continue;
                }

                var description = Value(text);
                if (PersonalData.Find(description) is { } personal)
                {
                    rejected.Add(line, $"Texten innehåller {personal}. Sådana uppgifter får inte lagras; ta bort dem ur filen och läs in den igen.");
                    continue;
                }

                string categoryCode;
                if (Value(category) is { } named)
                {
                    var match = categories.FirstOrDefault(c => string.Equals(c.Code, named, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, named, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                    {
                        rejected.Add(line, $"Kategorin '{named}' finns inte. Kategorier: {string.Join(", ", categories.OrderBy(c => c.SortOrder).Select(c => c.Name))}.");
                        continue;
                    }

                    categoryCode = match.Code;
                }
                else
                {
                    categoryCode = typeCategories.GetValueOrDefault(incidentType, Taxonomy.Other);
                }

                var placed = Place(Value(latitude), Value(longitude), Value(x), Value(y), Value(areaName), places, out var error);
                if (error is not null)
                {
                    rejected.Add(line, error);
                    continue;
                }

                if (placed is null)
                {
                    batch.OutsideScope++;
                    continue;
                }

                var incident = new Incident
                {
                    Source = source,
                    ExternalId = externalId,
                    OccurredAt = SwedishTime.ToUtc(local),
                    Type = incidentType,
                    Category = categoryCode,
                    Text = description,
                    AreaId = placed.Area?.Id,
                    Accuracy = placed.Accuracy,
                    LocatedBy = placed.DecidedBy,
                    X = placed.X,
                    Y = placed.Y,
                };

                batch.Upsert(incident, line, $"Id {externalId} förekommer mer än en gång i filen.");
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            rejected.Add(rows + 2, $"Filen kunde inte läsas vidare efter rad {rows + 1}: {e.Message}");
        }

        return await batch.FinishAsync(dryRun, cancellationToken);
    }

    private static PlacedAt? Place(string? latitude, string? longitude, string? x, string? y, string? areaName, Places places, out string? error)
    {
        error = null;
        double? east = null, north = null;
        if (latitude is not null || longitude is not null)
        {
            if (!FieldParsers.TryParseNumber(latitude, out var lat) || !FieldParsers.TryParseNumber(longitude, out var lon))
            {
                error = $"Koordinaten '{latitude}, {longitude}' kan inte tolkas som latitud och longitud.";
                return null;
            }

            if (lat is < 55 or > 69.1 || lon is < 10.9 or > 24.2)
            {
                error = $"Koordinaten {lat.ToString(CultureInfo.InvariantCulture)}, {lon.ToString(CultureInfo.InvariantCulture)} ligger utanför Sverige (är latitud och longitud förväxlade?).";
                return null;
            }

            (east, north) = Sweref99Tm.FromWgs84(lat, lon);
        }
        else if (x is not null || y is not null)
        {
            if (!FieldParsers.TryParseNumber(x, out var e) || !FieldParsers.TryParseNumber(y, out var n))
            {
                error = $"Koordinaten '{x}, {y}' kan inte tolkas som SWEREF 99 TM.";
                return null;
            }

            if (!Sweref99Tm.IsInSweden(e, n))
            {
                error = $"Koordinaten x {x}, y {y} ligger utanför Sverige i SWEREF 99 TM (är x och y förväxlade?).";
                return null;
            }

            (east, north) = (e, n);
        }

        if (east is { } px && north is { } py)
        {
            var (lat, lon) = Sweref99Tm.ToWgs84(px, py);
            var point = new Point(lon, lat);
            var area = places.Polygons.Query(point.EnvelopeInternal).FirstOrDefault(p => p.Shape.Covers(point)).Area;
            return area is null ? null : new PlacedAt(area, LocationAccuracy.Point, null, px, py);
        }

        if (areaName is not null)
        {
            var byName = places.ByName.GetValueOrDefault(areaName);
            var placement = byName is not null
                ? new Placement(byName, byName.Level == AreaLevel.Neighbourhood ? LocationAccuracy.Neighbourhood : LocationAccuracy.DistrictArea, areaName)
                : places.Gazetteer.Place(areaName);
            if (placement?.Area is null)
            {
                error = $"Området '{areaName}' finns inte i kommunen.";
                return null;
            }

            return new PlacedAt(placement.Area, placement.Accuracy, placement.DecidedBy, null, null);
        }

        error = "Platsen saknas.";
        return null;
    }

    private async Task<Places> PlacesAsync(CancellationToken cancellationToken)
    {
        var areas = await db.Areas.Include(a => a.Parent).AsNoTracking().Where(a => a.ValidTo == null).ToListAsync(cancellationToken);
        var tree = new STRtree<(Geometry Shape, Area Area)>();
        foreach (var area in areas.Where(a => a.Level == AreaLevel.Neighbourhood && a.Geometry is not null))
        {
            var shape = JsonSerializer.Deserialize<Geometry>(area.Geometry!, GeoJson)!;
            tree.Insert(shape.EnvelopeInternal, (shape, area));
        }

        tree.Build();
        var byName = areas.Where(a => a.Level != AreaLevel.Municipality)
            .GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Level).First(), StringComparer.OrdinalIgnoreCase);
        return new Places(tree, byName, await Gazetteer.LoadAsync(db, cancellationToken));
    }


    private sealed record Places(STRtree<(Geometry Shape, Area Area)> Polygons, Dictionary<string, Area> ByName, Gazetteer Gazetteer);

    private sealed record PlacedAt(Area? Area, LocationAccuracy Accuracy, string? DecidedBy, double? X, double? Y);
}
