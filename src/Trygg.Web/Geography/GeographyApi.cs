using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Web.Geography;

public static class GeographyApi
{
    public static IEndpointRouteBuilder MapGeographyApi(this IEndpointRouteBuilder endpoints)
    {
        var areas = endpoints.MapGroup("/api/areas").WithTags("Områden");
        areas.MapGet("/", ListAsync).WithSummary("Områden på en nivå (kommun, stadsdelsomrade, stadsdel), utan geometri.");
        // The city's division is public: residents' maps outline it too.
        areas.MapGet("/geojson", FeaturesAsync).AllowAnonymous().WithSummary("Områden som GeoJSON FeatureCollection, för kartor.")
            .Produces(StatusCodes.Status200OK, contentType: "application/geo+json");
        areas.MapGet("/{code}", GetAsync).WithSummary("Ett område med dess geometri (GeoJSON, WGS84).");
        return endpoints;
    }

    private static async Task<Results<Ok<List<AreaResponse>>, ProblemHttpResult>> ListAsync(
        string? level, bool? historical, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!TryFilter(db, level, historical, null, out var query, out var problem))
        {
            return problem;
        }

        var areas = await query
            .Select(a => new AreaResponse(a.Code, a.Name, a.Level.ToApiName(), a.Parent != null ? a.Parent.Code : null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(areas.OrderBy(a => a.Name, AreaDirectory.SwedishOrder).ToList());
    }

    private static async Task<Results<Ok<AreaDetailResponse>, NotFound<ProblemDetails>>> GetAsync(
        string code, AppDbContext db, CancellationToken cancellationToken)
    {
        var area = await db.Areas.AsNoTracking()
            .Where(a => a.Code == code)
            .Select(a => new { a.Code, a.Name, a.Level, ParentCode = a.Parent != null ? a.Parent.Code : null, a.ValidTo, a.Population, a.Geometry })
            .FirstOrDefaultAsync(cancellationToken);
        if (area is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Title = "Området finns inte", Detail = $"Inget område har koden '{code}'.", Status = 404 });
        }

        using var geometry = area.Geometry is null ? null : JsonDocument.Parse(area.Geometry);
        return TypedResults.Ok(new AreaDetailResponse(
            area.Code, area.Name, area.Level.ToApiName(), area.ParentCode, area.ValidTo, area.Population, geometry?.RootElement.Clone()));
    }

    private static async Task<IResult> FeaturesAsync(
        string? level, string? parent, bool? historical, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!TryFilter(db, level, historical, parent, out var query, out var problem))
        {
            return problem;
        }

        var features = await query
            .Select(a => new { a.Code, a.Name, a.Level, ParentCode = a.Parent != null ? a.Parent.Code : null, Geometry = a.DisplayGeometry ?? a.Geometry })
            .ToListAsync(cancellationToken);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var feature in features.Where(f => f.Geometry is not null))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteStartObject("properties");
                writer.WriteString("code", feature.Code);
                writer.WriteString("name", feature.Name);
                writer.WriteString("level", feature.Level.ToApiName());
                writer.WriteString("parentCode", feature.ParentCode);
                writer.WriteEndObject();
                writer.WritePropertyName("geometry");
                writer.WriteRawValue(feature.Geometry!, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Results.Bytes(buffer.ToArray(), "application/geo+json");
    }

    private static bool TryFilter(AppDbContext db, string? level, bool? historical, string? parent, out IQueryable<Area> query, out ProblemHttpResult problem)
    {
        query = db.Areas.AsNoTracking();
        problem = null!;
        if (level is not null)
        {
            if (!AreaLevels.TryParse(level, out var parsed))
            {
                problem = TypedResults.Problem(
                    title: "Okänd nivå",
                    detail: $"Nivån '{level}' finns inte. Välj kommun, stadsdelsomrade eller stadsdel.",
                    statusCode: StatusCodes.Status400BadRequest);
                return false;
            }

            query = query.Where(a => a.Level == parsed);
        }

        if (parent is not null)
        {
            query = query.Where(a => a.Parent != null && a.Parent.Code == parent);
        }

        if (historical != true)
        {
            query = query.Where(a => a.ValidTo == null);
        }

        return true;
    }
}

public sealed record AreaResponse(string Code, string Name, string Level, string? ParentCode);

public sealed record AreaDetailResponse(string Code, string Name, string Level, string? ParentCode, DateOnly? ValidTo, int? Population, JsonElement? Geometry);
