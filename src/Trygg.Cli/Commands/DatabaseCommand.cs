using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;

namespace Trygg.Cli.Commands;

/// <summary><c>trygg db migrate</c> for operators; <c>trygg db add-migration &lt;Name&gt;</c> for developers, which scaffolds the migration for both providers.</summary>
public static class DatabaseCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Uppdatera databasens schema till den senaste versionen.");
        migrate.SetAction((parse, cancellationToken) => CliHost.RunAsync(
            async (services, token) =>
            {
                var applied = await services.GetRequiredService<DatabaseSeeder>().MigrateAsync(token);
                Console.WriteLine(applied.Count == 0
                    ? "Databasen är redan uppdaterad."
                    : $"Databasen är uppdaterad: {string.Join(", ", applied)}.");
                return 0;
            },
            cancellationToken,
            migrate: false));

        var name = new Argument<string>("name") { Description = "Migreringens namn, t.ex. AddMeasures." };
        var addMigration = new Command("add-migration", "Utvecklare: skapa en migrering för både SQLite och PostgreSQL i src/Trygg/Data/Migrations.") { name };
        addMigration.SetAction(parse => AddMigration(parse.GetValue(name)!));

        return new Command("db", "Databasen.") { migrate, addMigration };
    }

    private static int AddMigration(string name)
    {
        var project = FindProjectDirectory();
        if (project is null)
        {
            Console.Error.WriteLine("Fel: hittar inte src/Trygg. Kör kommandot i Tryggs källkodskatalog.");
            return 1;
        }

        using var sqlite = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost").Options);
#pragma warning disable EF1001 // The providers' design-time services are internal API, as the dotnet-ef tool uses them.
        Scaffold(sqlite, new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices(), "Sqlite", name, project);
        Scaffold(postgres, new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices(), "Postgres", name, project);
#pragma warning restore EF1001
        return 0;
    }

    private static void Scaffold(DbContext context, IDesignTimeServices providerServices, string provider, string name, string project)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
        providerServices.ConfigureDesignTimeServices(services);
        using var provided = services.BuildServiceProvider();
        var scaffolder = provided.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Trygg", $"Data.Migrations.{provider}");
        var files = scaffolder.Save(project, migration, Path.Combine(project, "Data", "Migrations", provider));
        Console.WriteLine($"{provider}: {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.MigrationFile!)}");
    }

    private static string? FindProjectDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Trygg");
            if (File.Exists(Path.Combine(candidate, "Trygg.csproj")))
            {
                return candidate;
            }
        }

        return null;
    }
}
