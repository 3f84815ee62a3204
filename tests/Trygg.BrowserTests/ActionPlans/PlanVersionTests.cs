using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.ActionPlans;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.BrowserTests.ActionPlans;

public sealed class PlanVersionTests
{
    private const string Password = "Versioner-Test-1!";

    [Fact]
    public async Task TwoPeopleChangeTheSameMeasureOfTheAdoptedDemoPlanTheSecondGetsAConflictAndTheNewVersionIsComparedAndAdopted()
    {
        await using var session = await SignedInBrowser.OpenAsync("/plans");
        int planId, measureId;
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            planId = await db.ActionPlans.Where(p => p.Title == DemoPlan.Title).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
            measureId = await db.Measures.Where(m => m.ActionPlanId == planId && m.Title.StartsWith("Ny belysning")).Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("samordnare@versioner.test", Roles.Coordinator, Password)).Errors);
        }

        // Both open the lighting measure of the adopted plan (version 1).
        var measurePath = $"/plans/{planId}/measures/{measureId}";
        var admin = session.Page;
        await admin.GotoAsync(measurePath);
        await Assertions.Expect(admin.Locator(".hint")).ToContainTextAsync("startar version 2 som utkast");
        var coordinator = await session.SignInAsAsync("samordnare@versioner.test", Password, measurePath);

        await admin.FillAsync("#measure-budget", "900000");
        await admin.ClickAsync("#save-measure");
        await Assertions.Expect(admin.Locator("p.success")).ToContainTextAsync("Ändringen startade version 2 som utkast; version 1 finns kvar som den antogs.");

        await coordinator.FillAsync("#measure-title", "Belysning och kameror vid torget");
        await coordinator.ClickAsync("#save-measure");
        await Assertions.Expect(coordinator.Locator(".conflict")).ToContainTextAsync("Någon annan har sparat åtgärden");
        await Assertions.Expect(coordinator.Locator("#measure-title")).ToHaveValueAsync("Belysning och kameror vid torget"); // still there to copy
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Measures.AsNoTracking().SingleAsync(m => m.Id == measureId, TestContext.Current.CancellationToken);
            Assert.Equal(("Ny belysning och röjda siktlinjer i passagerna vid torget", 900_000m), (stored.Title, stored.BudgetSek));
        }

        // Version 1 is kept as adopted; compared with the draft, the budget line changed.
        await admin.GotoAsync($"/plans/{planId}/versions?a=1");
        await Assertions.Expect(admin.Locator(".diff .removed")).ToContainTextAsync("850 000 kr");
        await Assertions.Expect(admin.Locator(".diff .added")).ToContainTextAsync("900 000 kr");

        // The committee adopts version 2.
        await admin.GotoAsync($"/plans/{planId}");
        await admin.FillAsync("#committee", "Järva stadsdelsnämnd");
        await admin.FillAsync("#adoptedOn", "2026-11-19");
        await admin.FillAsync("#diaryNumber", "JÄR 2026/412");
        await admin.ClickAsync("#adopt");
        await Assertions.Expect(admin.Locator("p.success")).ToContainTextAsync("Version 2 är antagen och fryst");
        await Assertions.Expect(admin.Locator("#versions")).ToContainTextAsync("(2)");
    }
}
