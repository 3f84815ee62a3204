using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.Web.Security;

namespace Trygg.Web.Ingestion;

public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/api/imports").WithTags("Data").RequireAuthorization(SecurityServices.ImportDataPolicy);
        imports.MapGet("/", ListAsync).WithSummary("De senaste inläsningarna, nyast först.");
        imports.MapGet("/{id:long}/rejections.csv", RejectionsAsync).WithSummary("En inläsnings avvisade poster som CSV (semikolon, UTF-8 med BOM, för Excel).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    private static async Task<Ok<List<ImportRunResponse>>> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var runs = await db.ImportRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Take(200)
            .Select(r => new ImportRunResponse(r.Id, r.Source, r.Kind, r.FileName, r.UserName, r.StartedAt, r.FinishedAt, r.Read, r.Inserted, r.Updated, r.Unchanged, r.OutsideScope, r.RejectedCount, r.Committed, r.DryRun))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(runs);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RejectionsAsync(long id, AppDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().Include(r => r.Rejections).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return TypedResults.NotFound();
        }

        var csv = new StringBuilder("post;orsak\r\n");
        foreach (var rejection in run.Rejections.OrderBy(r => r.RecordNumber))
        {
            csv.Append(rejection.RecordNumber.ToString(CultureInfo.InvariantCulture)).Append(';').Append(Quote(rejection.Reason)).Append("\r\n");
        }

        if (run.RejectedCount > run.Rejections.Count)
        {
            csv.Append(';').Append(Quote($"… och {run.RejectedCount - run.Rejections.Count} poster till med fel")).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"avvisade-{id}.csv");
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed record ImportRunResponse(
    long Id, string Source, string Kind, string? FileName, string? UserName, DateTime StartedAt, DateTime FinishedAt,
    int Read, int Inserted, int Updated, int Unchanged, int OutsideScope, int Rejected, bool Committed, bool DryRun);
