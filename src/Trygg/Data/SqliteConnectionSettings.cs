using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trygg.Data;

/// <summary>
/// How every SQLite connection is set up when it opens. The file is switched once to write-ahead logging, so that readers never
/// wait for a writer nor a writer for readers; and a connection that meets a writer waits inside SQLite (a few milliseconds at a
/// time) instead of Microsoft.Data.Sqlite's retry, which sleeps 150 ms between attempts and made concurrent filings queue for
/// seconds. Commits stay synchronous=FULL: an acknowledged report survives a power cut.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>A connection waits up to 30 s for another's write before giving up with "database is locked".</summary>
    private const string BusyTimeout = "PRAGMA busy_timeout = 30000;";

    private static readonly ConcurrentDictionary<string, bool> InWriteAheadLog = new(StringComparer.Ordinal);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = InWriteAheadLog.ContainsKey(connection.DataSource)
            ? BusyTimeout
            : BusyTimeout + " PRAGMA journal_mode = WAL;";
        command.ExecuteNonQuery();
        InWriteAheadLog.TryAdd(connection.DataSource, true);
    }
}
