using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trygg.Tests.Shell;

/// <summary>
/// Chooses which database command is the first to answer later. Blazor's static rendering draws a component once at the first
/// await of OnInitializedAsync (or OnParametersSetAsync) that has not completed, with whatever it has loaded so far. On SQLite
/// every query completes at once, so that render never happens; on PostgreSQL it happens at the first query. Deferring from the
/// n-th command on, for every n, moves that render to every await a page has, one request at a time.
/// </summary>
/// <remarks>The count is global: the tests send one request at a time and nothing else uses the database meanwhile.</remarks>
public sealed class DeferredQueries : DbCommandInterceptor
{
    private int commands;
    private int deferFrom = int.MaxValue;

    /// <summary>How many commands ran since <see cref="Restart"/>.</summary>
    public int Commands => Volatile.Read(ref commands);

    /// <summary>Counts afresh; commands from number <paramref name="firstDeferred"/> on (1 = all, int.MaxValue = none) answer later.</summary>
    public void Restart(int firstDeferred)
    {
        Volatile.Write(ref commands, 0);
        Volatile.Write(ref deferFrom, firstDeferred);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await AnswerAsync();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await AnswerAsync();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AnswerAsync();
        return result;
    }

    /// <summary>
    /// Yields when deferred: the rest of the command then runs after Blazor's render (it is posted to the renderer's
    /// synchronization context, behind the render), so that render sees exactly what the page had before this command.
    /// </summary>
    private async ValueTask AnswerAsync()
    {
        if (Interlocked.Increment(ref commands) >= Volatile.Read(ref deferFrom))
        {
            await Task.Yield();
        }
    }
}
