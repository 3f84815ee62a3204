using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trygg.Audit;

/// <summary>
/// Refuses SQL that would change or remove audit entries — ExecuteUpdate, ExecuteDelete or raw SQL, which pass by
/// <see cref="AuditInterceptor"/> — so the log stays append-only whichever way the product talks to the database.
/// </summary>
public sealed class AuditLogGuard : DbCommandInterceptor
{
    private static readonly string[] Forbidden = ["UPDATE \"AuditEntries\"", "DELETE FROM \"AuditEntries\"", "TRUNCATE \"AuditEntries\"", "TRUNCATE TABLE \"AuditEntries\""];

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command)
    {
        // One ordinal scan first: the commands of a large import are long and never name the log.
        if (!command.CommandText.Contains("AuditEntries", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var forbidden in Forbidden)
        {
            if (command.CommandText.Contains(forbidden, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Granskningsloggen går bara att lägga till i: en post kan varken ändras eller tas bort.");
            }
        }
    }
}
