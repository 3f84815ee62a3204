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
}
