using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Security;

namespace Trygg.BrowserTests.Collaboration;

public sealed class ComplianceTests
{
    private const string Password = "Lagen-Test-1!";

    [Fact]
    public async Task ACoordinatorFollowsTheRedCoordinatorItemToWhatIsMissingAddsItAndSeesItTurnGreen()
    {
        await using var session = await SignedInBrowser.OpenAsync("/compliance");
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("samordnare@lagen.test", Roles.Coordinator, Password)).Errors);
        }

        var page = await session.SignInAsAsync("samordnare@lagen.test", Password, "/compliance");
        var item = page.Locator("tr[data-item='Coordinator']");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-green", "false");
        await Assertions.Expect(item).ToContainTextAsync("Ingen samordnande funktion med samordnare är utsedd.");

        await item.Locator("a.remedy").ClickAsync();
        await page.WaitForURLAsync("**/organisations");
        await page.ClickAsync("text=Kommunstyrelsen");
        await page.WaitForURLAsync("**/organisations/*");
        await page.FillAsync("#coordinator-name", "Kim Exempel");
        await page.FillAsync("#coordinator-role", "Trygghetsdirektör");
        await page.FillAsync("#coordinator-email", "kim.exempel@stockholm.se");
        await page.CheckAsync("#coordinating");
        await page.ClickAsync("#save-organisation");
        await Assertions.Expect(page.Locator(".coordinating")).ToBeVisibleAsync();

        await page.GotoAsync("/compliance");
        await Assertions.Expect(item).ToHaveAttributeAsync("data-green", "true");
        await Assertions.Expect(item).ToContainTextAsync("Kommunstyrelsen: Trygghetsdirektör.");
    }
}
