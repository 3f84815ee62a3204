using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.BrowserTests.ActionPlans;

public sealed class ChainTests
{
    private const string Password = "Kedjan-Test-1!";

    [Fact]
    public async Task FromALagesbildToAProblemACauseAPlanWithAMeasureAndFollowUpThatTurnsThePlanGreen()
    {
        await using var session = await SignedInBrowser.OpenAsync("/reports");
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var district = await db.Organisations.Where(o => o.Name == "Järva stadsdelsnämnd").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Empty((await accounts.AddAsync("samordnare@kedja.test", Roles.Coordinator, Password)).Errors);
            Assert.Empty((await accounts.AddAsync("falt@kedja.test", Roles.Staff, Password, district)).Errors);
        }

        var coordinator = await session.SignInAsAsync("samordnare@kedja.test", Password, "/reports");
        await coordinator.SelectOptionAsync("#area", "0180-so-jarva");
        await coordinator.FillAsync("#period", "2025");
        await coordinator.ClickAsync("text=Skriv utkast");
        await coordinator.WaitForURLAsync("**/reports/*");

        // A problem from the lägesbild, with a cause.
        await coordinator.ClickAsync("a.new-problem");
        await Assertions.Expect(coordinator.Locator("#areas")).ToHaveValueAsync("0180-so-jarva");
        await coordinator.FillAsync("#title", "Öppen narkotikaförsäljning vid Tensta centrum");
        await coordinator.FillAsync("#description", "Försäljning kvällstid i passagerna mot tunnelbanan.");
        var figure = coordinator.Locator("input[name='Input.FigureKeys']").First;
        var figureLabel = (await coordinator.Locator("fieldset.figures label").First.InnerTextAsync()).Trim();
        await figure.CheckAsync();
        await coordinator.ClickAsync("#create-problem");
        await coordinator.WaitForURLAsync("**/problems/*");
        await Assertions.Expect(coordinator.Locator("ul.figures li").First).ToContainTextAsync(figureLabel[..figureLabel.LastIndexOf(" (", StringComparison.Ordinal)]);
        await Assertions.Expect(coordinator.Locator("ul.figures a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/incidents\\?"));
        await coordinator.FillAsync("#cause-text", "Mörka passager mot tunnelbanan");
        await coordinator.FillAsync("#cause-evidence", "Trygghetsvandring oktober");
        await coordinator.ClickAsync("#add-cause");
        await Assertions.Expect(coordinator.Locator("ul.causes")).ToContainTextAsync("Mörka passager mot tunnelbanan");

        // A plan with a measure that targets the cause.
        await coordinator.FillAsync("#plan-title", "Åtgärdsplan Tensta centrum");
        await coordinator.SelectOptionAsync("#plan-owner", new SelectOptionValue { Label = "Järva stadsdelsnämnd" });
        await coordinator.ClickAsync("#create-plan");
        await coordinator.WaitForURLAsync("**/plans/*");
        await Assertions.Expect(coordinator.Locator(".gaps")).ToContainTextAsync("har ingen åtgärd");
        await coordinator.FillAsync("#measure-title", "Belysning i passagerna");
        await coordinator.SelectOptionAsync("#measure-owner", new SelectOptionValue { Label = "Järva stadsdelsnämnd" });
        await coordinator.FillAsync("#measure-start", "2026-01-01");
        await coordinator.FillAsync("#measure-end", "2026-12-31");
        await coordinator.FillAsync("#measure-budget", "300000");
        await coordinator.CheckAsync("input[name='Measure.CauseIds']");
        await coordinator.ClickAsync("#add-measure");
        await Assertions.Expect(coordinator.Locator("section.measure")).ToContainTextAsync("Belysning i passagerna");
        await Assertions.Expect(coordinator.Locator(".plan-light")).ToHaveAttributeAsync("data-light", "Red"); // not followed up for 2026-T3
        var planPath = new Uri(coordinator.Url).AbsolutePath;

        // The responsible district committee's field worker reports; the plan turns green.
        var worker = await session.SignInAsAsync("falt@kedja.test", Password, planPath);
        await worker.SelectOptionAsync("section.measure select", "Ongoing");
        await worker.FillAsync("section.measure input[name='Input.Comment']", "Belysningen är beställd; röjning klar.");
        await worker.ClickAsync("section.measure button[type=submit]");
        await Assertions.Expect(worker.Locator(".plan-light")).ToHaveAttributeAsync("data-light", "Green");
        await Assertions.Expect(worker.Locator("table.follow-up")).ToContainTextAsync("Belysningen är beställd");
        await Assertions.Expect(worker.Locator(".gaps")).ToContainTextAsync("Luckor i kedjan (1)"); // the measure has no indicator yet
    }
}
