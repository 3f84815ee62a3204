using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Trygg.Tests.CitizenReports;

/// <summary>A client that calls the public Open311 API harder than configured is told to wait, in Open311's error format.</summary>
public sealed class Open311RateLimitTests : IDisposable
{
    private readonly TryggApp app = new()
    {
        Settings =
        {
            ["Trygg:LoadDemoData"] = "false",
            ["RateLimits:Open311:PermitPerSecond"] = "1",
            ["RateLimits:Open311:Burst"] = "2",
        },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AClientOverItsLimitGets429WithRetryAfterAndAnOpen311Error()
    {
        var client = app.CreateClient();

        // Two at once are allowed, then one a second: twenty in a row cannot all pass however slowly they run.
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await client.GetAsync(i % 2 == 0 ? "/open311/v2/discovery.json" : "/open311/v2/discovery.xml", Token));
        }

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        var refusedJson = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.RequestMessage!.RequestUri!.AbsolutePath.EndsWith(".json", StringComparison.Ordinal));
        var refusedXml = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.RequestMessage!.RequestUri!.AbsolutePath.EndsWith(".xml", StringComparison.Ordinal));
        Assert.True(refusedJson.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        var error = Assert.Single(JsonDocument.Parse(await refusedJson.Content.ReadAsStringAsync(Token)).RootElement.EnumerateArray());
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.StartsWith("För många anrop från din adress.", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("429", XDocument.Parse(await refusedXml.Content.ReadAsStringAsync(Token)).Root!.Element("error")!.Element("code")!.Value);
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
    }

    public void Dispose() => app.Dispose();
}
