using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Problems;
using Trygg.Security;

namespace Trygg.Tests.Problems;

[Collection(DemoApp.Name)]
public sealed class ProblemPageTests(TryggApp app)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoProblemShowsItsTriangleFishboneCauseTreeAndFactorsToAReader()
    {
        var causes = await DemoCausesAsync();
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/problems/{causes[0].ProblemId}", Token));

        // The triangle marks the manager as missing: "Det som saknas" asks for a platsansvarig.
        Assert.Contains("Platsansvarig – saknas", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Handledare – saknas", page, StringComparison.Ordinal);

        // Each cause on its own bone of the fishbone.
        Assert.Contains("Skymda passager och svag belysning vid torget", Between(page, "<section class=\"bone\" data-side=\"Place\">", "</section>"), StringComparison.Ordinal);
        Assert.Contains("Unga dras in via eget missbruk", Between(page, "<section class=\"bone\" data-side=\"Offender\">", "</section>"), StringComparison.Ordinal);
        Assert.Contains("Unga i riskzon fångas inte upp tidigt", Between(page, "<section class=\"bone\" data-side=\"Victim\">", "</section>"), StringComparison.Ordinal);

        // In the tree the early-contact cause sits inside the list item of the cause it explains further.
        var recruited = causes.Single(c => c.Text == "Unga dras in via eget missbruk");
        var late = causes.Single(c => c.Text == "Unga i riskzon fångas inte upp tidigt");
        var between = Between(page, $"<li id=\"cause-{recruited.Id}\"", $"<li id=\"cause-{late.Id}\"");
        Assert.Contains("<ul", between, StringComparison.Ordinal);
        Assert.DoesNotContain("</li>", between, StringComparison.Ordinal);

        // The protective factor stands in the group row, on the offender's side.
        var groupRow = Between(page, "<tr data-level=\"Group\">", "</tr>");
        Assert.Contains("<p class=\"protective\"><span class=\"sign\">Skydd:</span> Aktiva föreningar och fritidsgård nära torget</p>",
            Between(groupRow, "<td data-side=\"Offender\">", "</td>"), StringComparison.Ordinal);

        // A query as evidence links to its incidents and says how many they are.
        var drugs = (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category&category=narkotika&area=0180-sd-rinkeby", Token))!.Sum(r => r.Count);
        Assert.Contains(string.Format(Swedish, "<a class=\"evidence query\" href=\"/incidents?category=narkotika&area=0180-sd-rinkeby\">{0:N0} händelser</a>", drugs), page, StringComparison.Ordinal);

        // The incident goal's value is counted over the last 12 months of data (the archive ends 22 August 2026), never typed.
        var counted = (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category&area=0180-sd-rinkeby&from=2025-08-23&to=2026-08-22", Token))!.Sum(r => r.Count);
        Assert.Contains($"class=\"indicator\" data-value=\"{counted}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ändra orsaksanalysen", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondSaveOfTheOrsaksanalysFromTheOldRevisionIsRefusedAndKeepsWhatThePersonWrote()
    {
        int problemId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            problemId = (await scope.ServiceProvider.GetRequiredService<ProblemWork>().CreateProblemAsync(new ProblemInput("Inbrott i förråd i Bagarmossen"), "test", Token)).Problem!.Id;
        }

        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var page = await client.GetStringAsync($"/problems/{problemId}", Token);
        HttpContent Form(string offender) => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "analysis", ["Analysis.Offender"] = offender, ["Analysis.Place"] = "Källarförråd med gamla lås", ["Analysis.Revision"] = "",
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        });

        var first = WebUtility.HtmlDecode(await (await client.PostAsync($"/problems/{problemId}", Form("Tillresta inbrottstjuvar"), Token)).Content.ReadAsStringAsync(Token));
        var second = WebUtility.HtmlDecode(await (await client.PostAsync($"/problems/{problemId}", Form("Boende i huset"), Token)).Content.ReadAsStringAsync(Token));

        Assert.Contains("Orsaksanalysen är sparad.", first, StringComparison.Ordinal);
        Assert.Contains("Någon annan har sparat orsaksanalysen sedan du öppnade den. Dina ändringar är inte sparade.", second, StringComparison.Ordinal);
        Assert.Contains(">Boende i huset</textarea>", second, StringComparison.Ordinal);
        Assert.Contains("<dd data-side=\"offender\">Tillresta inbrottstjuvar</dd>", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingACauseAsksFirstAndIsRefusedWhileAMeasureTargetsIt()
    {
        var dark = (await DemoCausesAsync()).Single(c => c.Text == "Skymda passager och svag belysning vid torget");
        using var client = await app.SignedInClientAsync(Roles.Coordinator);
        var path = $"/problems/{dark.ProblemId}/causes/{dark.Id}";

        var edit = WebUtility.HtmlDecode(await client.GetStringAsync(path, Token));
        var confirm = await client.GetStringAsync($"{path}?confirm=delete", Token);
        var response = await client.PostAsync($"{path}?confirm=delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "delete-cause", ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(confirm),
        }), Token);

        Assert.DoesNotContain("Ja, ta bort orsaken", edit, StringComparison.Ordinal);
        Assert.Contains("Ja, ta bort orsaken", WebUtility.HtmlDecode(confirm), StringComparison.Ordinal);
        Assert.Contains("Åtgärder riktar sig mot orsaken: \"Ny belysning och röjda siktlinjer i passagerna vid torget\".",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Contains(dark.Id, (await DemoCausesAsync()).Select(c => c.Id));
    }

    private async Task<List<Cause>> DemoCausesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var problem = await db.Problems.AsNoTracking().Include(p => p.Causes).SingleAsync(p => p.Title == "Öppen narkotikaförsäljning vid Rinkeby torg", Token);
        return problem.Causes.OrderBy(c => c.Id).ToList();
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"Hittar inte {start}");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        Assert.True(to >= 0, $"Hittar inte {end} efter {start}");
        return text[(from + start.Length)..to];
    }

    private sealed record RowJson(string Key, long Count);
}
