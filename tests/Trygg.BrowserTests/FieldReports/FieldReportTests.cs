using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;
using Trygg.FieldReports;
using Trygg.Security;

namespace Trygg.BrowserTests.FieldReports;

public sealed class FieldReportTests
{
    private const string Password = "Rapportor-Webbtest-1!";

    [Fact]
    public async Task AReporterOnAPhoneFilesAFieldReportByPlacingThePinAndACoordinatorFindsItInTheWeeksSituation()
    {
        await using var session = await SignedInBrowser.OpenAsync("/");
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var jarva = await db.Organisations.Where(o => o.Name == "Järva stadsdelsnämnd").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            Assert.Empty((await users.AddAsync("rapportor@fritidsgarden.test", Roles.Reporter, Password, jarva)).Errors);
            Assert.Empty((await users.AddAsync("samordnare@jarva.test", Roles.Coordinator, Password)).Errors);
        }

        var phone = await session.SignInAsAsync("rapportor@fritidsgarden.test", Password, "/field/new");
        await phone.SetViewportSizeAsync(390, 844);
        await phone.ReloadAsync();
        await phone.Locator("trygg-field-map[data-state=ready]").WaitForAsync();

        // A tap on Rinkeby places the pin and writes its place into the two inputs.
        await phone.Locator("trygg-field-map path.area-0180-sd-rinkeby").ClickAsync();
        await Assertions.Expect(phone.Locator("#field-latitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^59\.\d{6}$"));
        await Assertions.Expect(phone.Locator("#field-longitude")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^17\.\d{6}$"));
        await Assertions.Expect(phone.Locator("trygg-field-map path.field-pin")).ToHaveCountAsync(1);

        await phone.FillAsync("#field-description", "Ett tiotal unga kastade smällare mot entrén (webbtest)");
        await phone.SelectOptionAsync("#field-category", "ordningsstorning");
        await phone.CheckAsync("input[name='Report.Seriousness'][value='2']");
        await phone.CheckAsync("input[name='Report.Groups'][value='unga']");
        await phone.CheckAsync("input[name='Report.Groups'][value='personal']");
        await phone.FillAsync("#field-place", "Fritidsgårdens entré");
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        await phone.ClickAsync("#file-field-report");

        await Assertions.Expect(phone.Locator("#field-filed")).ToContainTextAsync("Rapporten är skickad (Ordningsstörning,");
        await Assertions.Expect(phone.Locator("#field-description")).ToHaveValueAsync(""); // the form again, for the next report

        // The coordinator opens the week of the stadsdel the pin fell in.
        FieldReport report;
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<AppDbContext>().FieldReports.AsNoTracking()
                .SingleAsync(r => r.Description == "Ett tiotal unga kastade smällare mot entrén (webbtest)", TestContext.Current.CancellationToken);
        }

        var week = IsoWeek.Of(session.App.Time.GetUtcNow());
        var coordinator = await session.SignInAsAsync("samordnare@jarva.test", Password, "/walks");
        await coordinator.GotoAsync($"/field/week?area={report.AreaCode}&week={week}");

        var row = coordinator.Locator($"table.week-reports tr[data-report='{report.Id}']");
        await Assertions.Expect(row).ToContainTextAsync("Ett tiotal unga kastade smällare mot entrén (webbtest)");
        await Assertions.Expect(row).ToContainTextAsync("Fritidsgårdens entré");
        await Assertions.Expect(row).ToContainTextAsync("Unga, Personal");
        await Assertions.Expect(coordinator.Locator("table.week-comparison tr[data-category='ordningsstorning'] td.this-week")).ToHaveTextAsync("1");
        await coordinator.Locator("trygg-field-map[data-state=ready]").WaitForAsync();
        await Assertions.Expect(coordinator.Locator($"trygg-field-map path.report-{report.Id}")).ToHaveCountAsync(1);
    }
}
