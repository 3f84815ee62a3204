using Microsoft.Extensions.DependencyInjection;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Tests.Ingestion;

public sealed class PolisenPollerTests
{
    [Fact]
    public async Task WithLiveFetchingOnTheHostCallsTheApiAtStartAndShowsItsStatusOnTheDataPage()
    {
        await using var server = await RecordedHttpServer.StartAsync();
        server.Answer = _ => new RecordedAnswer(200, "[]");
        await using var app = new TryggApp();
        app.Settings["Polisen:Live:Enabled"] = "true";
        app.Settings["Polisen:Live:Address"] = new Uri(server.Address, "api/events").ToString();
        app.Settings["Polisen:Live:UserAgent"] = "Trygg-test (trygghet@example.se)";
        using var client = await app.SignedInClientAsync(Roles.Coordinator);

        var status = app.Services.GetRequiredService<PolisenLiveStatus>();
        for (var i = 0; i < 100 && status.LastResult is null; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var page = await client.GetStringAsync("/data", TestContext.Current.CancellationToken);
        Assert.Single(server.Requests);
        Assert.Equal("0 lästa, 0 nya, 0 ändrade, 0 avvisade.", status.LastResult);
        Assert.Contains("0 lästa, 0 nya, 0 ändrade, 0 avvisade.", page);
        Assert.Contains(SwedishTime.ToLocal(status.NextCall!.Value.UtcDateTime).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), page);
    }
}
