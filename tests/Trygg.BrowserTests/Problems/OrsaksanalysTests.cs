using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.BrowserTests.Problems;

public sealed class OrsaksanalysTests
{
    private const string Password = "Orsak-Test-1!";

    [Fact]
    public async Task ACoordinatorEditsTheOrsaksanalysAndACauseAndASecondTabSavingFromTheOldRevisionIsToldNothingWasSaved()
    {
        await using var session = await SignedInBrowser.OpenAsync("/plans");
        int problemId, causeId;
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var problem = await db.Problems.Include(p => p.Causes).SingleAsync(p => p.Title == "Öppen narkotikaförsäljning vid Rinkeby torg", TestContext.Current.CancellationToken);
            (problemId, causeId) = (problem.Id, problem.Causes.Single(c => c.Text == "Ingen platsägare tar ansvar för torget som helhet").Id);
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("samordnare@orsak.test", Roles.Coordinator, Password)).Errors);
        }

        var path = $"/problems/{problemId}";
        var coordinator = await session.SignInAsAsync("samordnare@orsak.test", Password, path);
        var secondTab = await coordinator.Context.NewPageAsync();
        await secondTab.GotoAsync(path);
        var thirdTab = await coordinator.Context.NewPageAsync();
        await thirdTab.GotoAsync($"{path}/causes/{causeId}");

        // The orsaksanalys, saved from the problem page.
        await coordinator.ClickAsync("#edit-analysis");
        await coordinator.FillAsync("#analysis-missing", "En platsansvarig för hela torget och fler vuxna där efter klockan 19.");
        await coordinator.ClickAsync("#save-analysis");
        await Assertions.Expect(coordinator.Locator("#analysis .success")).ToContainTextAsync("Orsaksanalysen är sparad.");
        await Assertions.Expect(coordinator.Locator(".missing-note")).ToContainTextAsync("fler vuxna där efter klockan 19");

        // A cause, on its own page.
        await coordinator.ClickAsync($"#cause-{causeId} > a.edit");
        await coordinator.FillAsync("#cause-text", "Ingen platsägare tar ansvar för torget som helhet, och ingen samordnar skötseln");
        await coordinator.SelectOptionAsync("#cause-certainty", "High");
        await coordinator.ClickAsync("#save-cause");
        await coordinator.WaitForURLAsync($"**{path}#cause-{causeId}");
        await Assertions.Expect(coordinator.Locator("ul.causes")).ToContainTextAsync("och ingen samordnar skötseln");

        // The second tab still shows the analysis as it was: its save is refused, and what it wrote stays in the form.
        await secondTab.ClickAsync("#edit-analysis");
        await secondTab.FillAsync("#analysis-missing", "Väktare på torget.");
        await secondTab.ClickAsync("#save-analysis");
        await Assertions.Expect(secondTab.Locator(".conflict")).ToContainTextAsync("Någon annan har sparat orsaksanalysen sedan du öppnade den. Dina ändringar är inte sparade.");
        await Assertions.Expect(secondTab.Locator("#analysis-missing")).ToHaveValueAsync("Väktare på torget.");
        await secondTab.ClickAsync("#see-saved");
        await Assertions.Expect(secondTab.Locator(".missing-note")).ToContainTextAsync("fler vuxna där efter klockan 19");

        // The third tab opened the cause before the coordinator changed it.
        await thirdTab.FillAsync("#cause-text", "Torget saknar ägare");
        await thirdTab.ClickAsync("#save-cause");
        await Assertions.Expect(thirdTab.Locator(".conflict")).ToContainTextAsync("Någon annan har sparat orsaken sedan du öppnade den.");
        await thirdTab.GotoAsync(path);
        await Assertions.Expect(thirdTab.Locator($"#cause-{causeId}")).ToContainTextAsync("och ingen samordnar skötseln");
    }

    [Fact]
    public async Task TheFishboneTheTriangleAndTheMenuFitAPhoneScreen()
    {
        await using var session = await SignedInBrowser.OpenAsync("/plans", width: 375, height: 800);
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = await db.Problems.Where(p => p.Title == "Öppen narkotikaförsäljning vid Rinkeby torg").Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
            await session.Page.GotoAsync($"/problems/{id}");
        }

        var bones = await session.Page.Locator(".fishbone .bone").AllAsync();
        Assert.Equal(3, bones.Count);
        foreach (var bone in bones)
        {
            var box = await bone.BoundingBoxAsync();
            Assert.True(box!.Width > 250, $"Ett ben är bara {box.Width} px brett."); // stacked, each the width of the screen
        }

        // Nothing of the problem's content runs off the screen; the factor table scrolls inside its own box.
        var outside = await session.Page.EvaluateAsync<string>(
            "[...document.querySelectorAll('main *')].filter(e => !e.closest('.factors') && e.getBoundingClientRect().right > 376).map(e => e.tagName + '.' + e.getAttribute('class')).join(', ')");
        Assert.Equal("", outside);
        await Assertions.Expect(session.Page.Locator(".crime-triangle svg")).ToBeVisibleAsync();

        // Nor does the menu: its links wrap onto more rows instead of making the page scroll sideways.
        Assert.True(await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "Sidan är bredare än skärmen.");
    }
}
