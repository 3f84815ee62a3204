using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Web.Operations;

/// <summary>
/// <c>/readyz</c>: whether this node should get traffic. /healthz says the process and database are alive; ready also
/// means every migration this build knows is applied, so that a load balancer keeps requests away from a node whose
/// database is behind (or ahead of another node's schema during a rolling update).
/// </summary>
public static class Readiness
{
    public static IEndpointConventionBuilder MapReadyz(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/readyz", async (AppDbContext db, CancellationToken cancellationToken) =>
            {
                try
                {
                    if (!await db.Database.CanConnectAsync(cancellationToken))
                    {
                        return NotReady("databasen svarar inte");
                    }

                    var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                    return pending == 0
                        ? Results.Text("ok")
                        : NotReady(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{pending} migreringar saknas i databasen"));
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    return NotReady("databasen svarar inte");
                }
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static IResult NotReady(string reason) => Results.Text(reason, statusCode: StatusCodes.Status503ServiceUnavailable);
}
