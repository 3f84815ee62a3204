using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Audit;
using Trygg.Data;
using Trygg.Web.Security;

namespace Trygg.Web.Audit;

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit.csv", ExportAsync).WithTags("Granskningslogg").RequireAuthorization(SecurityServices.AdministerPolicy)
            .WithSummary("Granskningsloggen som CSV för revisorer (semikolon, UTF-8 med BOM), med samma filter som sidan /audit: from, to (ÅÅÅÅ-MM-DD), user, entity, key, action.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return endpoints;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportAsync(HttpRequest request, AppDbContext db)
    {
        var (entries, errors) = AuditSearch.Read(name => request.Query[name].FirstOrDefault()).Apply(db.AuditEntries.AsNoTracking());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Sökningen i granskningsloggen kan inte göras.");
        }

        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await writer.WriteAsync(AuditCsv.Header);
            await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(request.HttpContext.RequestAborted))
            {
                await writer.WriteAsync(AuditCsv.Row(entry));
            }
        }, "text/csv; charset=utf-8", "granskningslogg.csv");
    }
}
