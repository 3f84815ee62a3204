using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.FollowUp;

[Collection(DemoApp.Name)]
public sealed class EvaluationPageTests(TryggApp app)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReaderSeesTheDemoEvaluationsFiguresInSwedishWithItsChartButNoForm()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var lighting = await EvaluationsApiTests.LightingMeasureIdAsync(client);
        var demo = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/measures/{lighting}/evaluations", Token))!.Single(e => e.GetProperty("createdBy").GetString() == "demodata");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/measures/{lighting}/evaluation", Token));

        var wdd = demo.GetProperty("wdd");
        var expected = string.Create(Swedish, $"{wdd.GetProperty("estimate").GetDouble():0.#} (standardfel {wdd.GetProperty("standardError").GetDouble():0.0}; 95 % KI {wdd.GetProperty("low").GetDouble():0.0} till {wdd.GetProperty("high").GetDouble():0.0}; p ");
        Assert.Contains($"<dd class=\"wdd\">{expected}", page, StringComparison.Ordinal);
        Assert.Contains("−", expected, StringComparison.Ordinal); // the lower bound, with the Swedish minus sign
        var wdq = demo.GetProperty("wdq");
        Assert.Contains($"<dd class=\"wdq\">{(wdq.ValueKind == JsonValueKind.Null ? "kan inte beräknas" : wdq.GetDouble().ToString("0.00", Swedish))}</dd>", page, StringComparison.Ordinal);
        Assert.Contains(demo.GetProperty("conclusion").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("Exempel i demodata", page, StringComparison.Ordinal);
        Assert.Contains("återgång mot medelvärdet", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("class=\"after-period\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Räkna och spara", page, StringComparison.Ordinal);

        var plan = WebUtility.HtmlDecode(await client.GetStringAsync($"/plans/{await PlanIdAsync(client)}", Token));
        Assert.Contains($"href=\"/measures/{lighting}/evaluation\">Effektutvärdering</a>", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnalystSavesAnEvaluationWithCodesTypedByHandSeesItAndThenDeletesIt()
    {
        int measure;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            measure = await EffectEvaluationsTests.NewMeasureAsync(scope.ServiceProvider, "Belysning i Tensta");
        }

        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var form = await client.GetStringAsync($"/measures/{measure}/evaluation", Token);
        Assert.Contains("value=\"0180-sd-tensta\"", form, StringComparison.Ordinal); // pre-filled from the suggestion
        Assert.Contains("Åtgärdens egna områden: Tensta.", WebUtility.HtmlDecode(form), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "evaluate", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(form), ["Form.Treated"] = "0180-sd-tensta", ["Form.Buffer"] = "0180-sd-husby 0180-sd-rinkeby",
            ["Form.Control"] = "0180-sd-farsta", ["Form.Query"] = "", ["Form.BeforeFrom"] = "2024-03-01", ["Form.BeforeTo"] = "2025-02-28", ["Form.AfterFrom"] = "2025-11-01", ["Form.AfterTo"] = "2025-10-31",
            ["Form.Comment"] = "Provutvärdering",
        };
        var refused = WebUtility.HtmlDecode(await (await client.PostAsync($"/measures/{measure}/evaluation", new FormUrlEncodedContent(fields), Token)).Content.ReadAsStringAsync(Token));
        Assert.Contains("Perioden efter slutar innan den börjar.", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"0180-sd-husby 0180-sd-rinkeby\"", refused, StringComparison.Ordinal); // what was typed stays
        Assert.Equal(0, await CountAsync(measure));

        fields["Form.AfterTo"] = "2026-10-31";
        var saved = WebUtility.HtmlDecode(await (await client.PostAsync($"/measures/{measure}/evaluation", new FormUrlEncodedContent(fields), Token)).Content.ReadAsStringAsync(Token));
        Assert.Contains("Utvärderingen är räknad och sparad.", saved, StringComparison.Ordinal);
        Assert.Contains("Sparade utvärderingar (1)", saved, StringComparison.Ordinal);
        Assert.Contains("<td>Husby, Rinkeby</td>", saved, StringComparison.Ordinal);
        var id = (await client.GetFromJsonAsync<List<JsonElement>>($"/api/measures/{measure}/evaluations", Token))!.Single().GetProperty("id").GetInt32();

        var deleted = WebUtility.HtmlDecode(await (await client.PostAsync($"/measures/{measure}/evaluation", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"delete-{id}", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(saved),
        }), Token)).Content.ReadAsStringAsync(Token));
        Assert.Contains("Utvärderingen är borttagen.", deleted, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(measure));
    }

    private async Task<int> CountAsync(int measure)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EffectEvaluations.CountAsync(e => e.MeasureId == measure, Token);
    }

    private static async Task<int> PlanIdAsync(HttpClient client)
    {
        var plans = await client.GetFromJsonAsync<List<JsonElement>>("/api/plans", Token);
        return plans!.Single(p => p.GetProperty("title").GetString()!.StartsWith("Åtgärdsplan Rinkeby torg", StringComparison.Ordinal)).GetProperty("id").GetInt32();
    }
}
