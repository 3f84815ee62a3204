using System.Diagnostics;
using Npgsql;

namespace Trygg.Data;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore, found on PATH, against the database of a connection string. The password
/// goes in the environment (PGPASSWORD), never on the command line, where other users of the machine could read it.
/// </summary>
internal static class BackupPostgresTools
{
    /// <summary>The full path of the tool, or null when it is not installed.</summary>
    public static string? Find(string tool)
    {
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe" } : [tool];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    public static string Missing(string tool) =>
        $"Hittar inte {tool}. Installera PostgreSQL-klienten i samma huvudversion som servern (t.ex. apt install postgresql-client) och se till att {tool} finns i PATH.";

    /// <summary>Runs the tool with the connection's server, user, password and database; returns its exit code, standard output and errors.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string toolPath, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(toolPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                start.Environment[name] = value;
            }
        }

        Set("PGHOST", connection.Host);
        Set("PGPORT", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("PGUSER", connection.Username);
        Set("PGPASSWORD", connection.Password);
        Set("PGDATABASE", connection.Database);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{toolPath} kunde inte startas.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await errors);
    }
}
