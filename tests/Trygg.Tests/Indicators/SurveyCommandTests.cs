using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Indicators;
using Trygg.Tests.Cli;

namespace Trygg.Tests.Indicators;

public sealed class SurveyCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SurveyTablesAndMicrodataAreImportedOnTheCommandLineAndWithheldCellsShowNoFigure()
    {
        using var database = new TestDatabase();
        await using (var app = TryggApp.On(database))
        {
            app.CreateClient().Dispose();
        }

        var tried = await TryggCommand.RunAsync(database, "surveys", "import", SurveyFixtures.Table, "--source", "Trygghetsmätningen", "--dry-run");
        var imported = await TryggCommand.RunAsync(database, "surveys", "import", SurveyFixtures.Table, "--source", "Trygghetsmätningen", "--save-as", "TM");
        var again = await TryggCommand.RunAsync(database, "surveys", "import", SurveyFixtures.Table, "--mapping", "TM");
        var unknown = await TryggCommand.RunAsync(database, "surveys", "import", SurveyFixtures.Table, "--mapping", "Okänd");
        var microdata = await TryggCommand.RunAsync(database, "surveys", "microdata", SurveyFixtures.Microdata,
            "--question", SurveyFixtures.MicrodataQuestion, "--answer", "Ganska otrygg", "--answer", "Mycket otrygg", "--source", "Trygghetsmätningen", "--dry-run");

        Assert.True(tried.ExitCode == 0, tried.Errors);
        Assert.Contains("CSV, semikolon, UTF-8 med BOM", tried.Output);
        Assert.Contains("0180-so-jarva 2025 kvinnor: 52,7 % (48,0–57,4), n = 431", tried.Output);
        Assert.Contains("0180-sd-akalla 2025 män: för få svar", tried.Output);
        Assert.Contains("0180-sd-akalla 2025 kvinnor: för få svar", tried.Output);
        Assert.Contains("Lästa: 18  nya: 18", tried.Output);
        Assert.Contains("Provkörning: ingenting skrevs.", tried.Output);
        Assert.Contains("Inläsningen är klar.", imported.Output);
        Assert.Contains("nya: 0  ändrade: 0  oförändrade: 18", again.Output);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("ingen sparad enkätmappning heter 'Okänd'. Sparade: TM.", unknown.Errors);

        Assert.True(microdata.ExitCode == 0, microdata.Errors);
        Assert.Contains("Kolumner: område Område, år År, kön Kön, ålder Ålder, vikt Vikt, grupp –.", microdata.Output);
        Assert.Contains("6 svarande lämnade frågan obesvarad och räknas inte.", microdata.Output);
        Assert.Contains("0180-so-jarva 2025 alla: 44,0 % (35,4–52,9), n = 154", microdata.Output); // expected-microdata.R: 44.04, 35.44–52.91
        Assert.Contains("0180-sd-husby 2025 kvinnor: för få svar", microdata.Output);

        await using var app2 = TryggApp.On(database);
        await using var scope = app2.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ours = db.Indicators.Where(i => i.Type == IndicatorType.Share && i.Source != Trygg.Indicators.DemoIndicators.SurveySource).Select(i => i.Id); // beside the demo's
        Assert.Equal(18, await db.IndicatorObservations.CountAsync(o => ours.Contains(o.IndicatorId), Token));
        Assert.False(await db.IndicatorObservations.AnyAsync(o => o.Suppressed && (o.Value != null || o.N != null || o.Low != null || o.High != null), Token));
        Assert.Equal(2, await ours.CountAsync(Token));
    }
}
