using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion.Files;

namespace Trygg.Tests.Cli;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task ImportingTheArchiveOnTheCommandLineAfterTheFirstStartFindsEverythingUnchanged()
    {
        using var database = new TestDatabase();
        await using (var app = TryggApp.On(database))
        {
            app.CreateClient().Dispose();
        }

        var (exitCode, output, errors) = await TryggCommand.RunAsync(database, "import", "polisen", SharedData.PolisenArchive, "--municipality", "0180");

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"Lästa: 84531  nya: 0  ändrade: 0  oförändrade: {SharedData.StockholmNoticesInArchive()}", output);
        Assert.Contains("Inläsningen är klar.", output);
    }

    [Fact]
    public async Task AMunicipalityWhosePoliceNamesAreUnknownIsRefused()
    {
        using var database = new TestDatabase();

        var (exitCode, _, errors) = await TryggCommand.RunAsync(database, "import", "polisen", SharedData.PolisenArchive, "--municipality", "2584");

        Assert.Equal(1, exitCode);
        Assert.Contains("polisens namn för kommun 2584 är okända. Ange --location och --county.", errors);
    }

    [Fact]
    public async Task AFileIsImportedOnTheCommandLineWithAMappingSavedByName()
    {
        using var database = new TestDatabase();
        await using (var app = TryggApp.On(database))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportMappings>()
                .SaveAsync("Brandförsvaret", Ingestion.Files.IncidentFileImporterTests.FireBrigadeMapping("brandforsvaret"), TestContext.Current.CancellationToken);
        }

        var csv = Path.Combine(Path.GetTempPath(), $"brand-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(csv, TabularFile.Windows1252.GetBytes(Ingestion.Files.IncidentFileImporterTests.FireBrigadeCsv("sbf")), TestContext.Current.CancellationToken);
        try
        {
            var dryRun = await TryggCommand.RunAsync(database, "import", "incidents", csv, "--mapping", "Brandförsvaret", "--dry-run");
            var real = await TryggCommand.RunAsync(database, "import", "incidents", csv, "--mapping", "Brandförsvaret");
            var unknown = await TryggCommand.RunAsync(database, "import", "incidents", csv, "--mapping", "Polisen");

            Assert.Contains("CSV, semikolon, Windows-1252", dryRun.Output);
            Assert.Contains("Lästa: 3  nya: 3", dryRun.Output);
            Assert.Contains("Provkörning: ingenting skrevs.", dryRun.Output);
            Assert.Contains("Lästa: 3  nya: 3", real.Output);
            Assert.Contains("Inläsningen är klar.", real.Output);
            Assert.Equal(1, unknown.ExitCode);
            Assert.Contains("ingen sparad mappning heter 'Polisen'. Sparade: Brandförsvaret.", unknown.Errors);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
