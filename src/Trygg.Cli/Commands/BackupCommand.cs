using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;

namespace Trygg.Cli.Commands;

/// <summary>
/// <c>trygg backup &lt;file&gt;</c> while the web host runs, and <c>trygg restore &lt;file&gt; [--force]</c> into an empty database.
/// Neither migrates first: a backup copies the database as it is, and a restore migrates what it restored.
/// </summary>
public static class BackupCommand
{
    public static Command CreateBackup()
    {
        var file = new Argument<FileInfo>("file") { Description = "Filen som säkerhetskopian skrivs till; den får inte finnas." };
        var backup = new Command("backup", "Säkerhetskopiera hela databasen till en fil, medan webbservern är igång.") { file };
        backup.SetAction((parse, cancellationToken) => RunAsync(backups => backups.BackUpAsync(parse.GetValue(file)!.FullName, cancellationToken), cancellationToken));
        return backup;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<FileInfo>("file") { Description = "En säkerhetskopia som trygg backup har skrivit." };
        var force = new Option<bool>("--force") { Description = "Ersätt allt i en databas som redan innehåller uppgifter." };
        var restore = new Command("restore", "Återställ databasen från en säkerhetskopia, till en tom databas.") { file, force };
        restore.SetAction((parse, cancellationToken) =>
            RunAsync(backups => backups.RestoreAsync(parse.GetValue(file)!.FullName, parse.GetValue(force), cancellationToken), cancellationToken));
        return restore;
    }

    private static Task<int> RunAsync(Func<Backups, Task<BackupResult>> work, CancellationToken cancellationToken) => CliHost.RunAsync(
        async (services, _) =>
        {
            var result = await work(ActivatorUtilities.CreateInstance<Backups>(services));
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"Fel: {result.Message}");
                return 1;
            }

            Console.WriteLine(result.Message);
            return 0;
        },
        cancellationToken,
        migrate: false);
}
