using System.Net.Http.Json;
using System.Text.Json;
using Trygg.Security;
using Trygg.Tests.ActionPlans;

namespace Trygg.Tests.Cli;

/// <summary>The command runs against the demo app's own database, which it only reads.</summary>
[Collection(DemoApp.Name)]
public sealed class PlansCommandTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemindersPrintOneLinePerOrganisationAndMeasureForAJobThatMailsThem()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var planId = await TertialReportDocxTests.DemoPlanIdAsync(client);
        var measures = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}", Token)).GetProperty("measures").EnumerateArray()
            .ToDictionary(m => m.GetProperty("title").GetString()!, m => m.GetProperty("id").GetInt32());

        var (exitCode, output, errors) = await TryggCommand.RunAsync(app.SeededDatabase, "plans", "reminders", "--tertial", "2026-T2");

        Assert.Equal(0, exitCode);
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var outreach = "Uppsökande fältarbete och kontakt inom 48 timmar med unga som påträffas";
        Assert.Contains($"Järva stadsdelsnämnd\t{outreach}\t{Trygg.ActionPlans.DemoPlan.Title}\t/plans/{planId}#measure-{measures[outreach]}", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Ny belysning", StringComparison.Ordinal)); // done in 2025
        Assert.All(lines, l => Assert.Equal(4, l.Split('\t').Length));
        Assert.Matches(@"^\d+ åtgärder hos \d+ organisation(er)? är inte uppföljda för 2026-T2\.", errors);
    }

    [Fact]
    public async Task ATertialThatCannotBeReadIsRefused()
    {
        var (exitCode, output, errors) = await TryggCommand.RunAsync(app.SeededDatabase, "plans", "reminders", "--tertial", "2026-T4");

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("Fel: Tertialet '2026-T4' kan inte tolkas. Skriv t.ex. 2025-T2.", errors, StringComparison.Ordinal);
    }
}
