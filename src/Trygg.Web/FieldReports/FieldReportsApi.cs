using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Web.Security;

namespace Trygg.Web.FieldReports;

public static class FieldReportsApi
{
    public static IEndpointRouteBuilder MapFieldReportsApi(this IEndpointRouteBuilder endpoints)
    {
        var walks = endpoints.MapGroup("/api/walks").WithTags("Trygghetsvandringar").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        walks.MapGet("/photos/{id:long}", PhotoAsync).WithSummary("Fotot från en punkt på en trygghetsvandring (utan platsuppgifter).");
        return endpoints;
    }

    /// <summary>Only photos of walk points: residents' photos are published by their own rules.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(long id, AppDbContext db, CancellationToken cancellationToken)
    {
        var photo = await db.Photos.AsNoTracking()
            .Where(p => p.Id == id && db.WalkPoints.Any(w => w.PhotoId == id))
            .Select(p => new { p.Data, p.ContentType })
            .FirstOrDefaultAsync(cancellationToken);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Data, photo.ContentType);
    }
}
