using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.BrowserTests.SituationReports;

public sealed class SituationReportTests
{
    private const string Password = "Lagesbild-Test-1!";

    [Fact]
    public async Task ACoordinatorDraftsJarvasLagesbildThePoliceWriteTheirSectionAndTheCoordinatorAdoptsAndDownloadsIt()
    {
        await using var session = await SignedInBrowser.OpenAsync("/reports");
        await using (var scope = session.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var police = await db.Organisations.Where(o => o.Name == "Lokalpolisområde Järva").Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Empty((await accounts.AddAsync("samordnare@jarva.test", Roles.Coordinator, Password)).Errors);
            Assert.Empty((await accounts.AddAsync("polis@jarva.test", Roles.Staff, Password, police)).Errors);
        }

        // The coordinator drafts the report for the stadsdelsområde Järva, 2025.
        var coordinator = await session.SignInAsAsync("samordnare@jarva.test", Password, "/reports");
        await coordinator.SelectOptionAsync("#area", "0180-so-jarva");
        await coordinator.FillAsync("#period", "2025");
        await coordinator.ClickAsync("text=Skriv utkast");
        await coordinator.WaitForURLAsync("**/reports/*");
        var reportPath = new Uri(coordinator.Url).AbsolutePath;
        await Assertions.Expect(coordinator.Locator("h1")).ToHaveTextAsync("Lägesbild Järva 2025");
        await Assertions.Expect(coordinator.Locator("#summary a.figure").First).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator(".perspectives .missing")).ToHaveCountAsync(5);

        // A police officer of Lokalpolisområde Järva writes the police section, and only that one.
        var officer = await session.SignInAsAsync("polis@jarva.test", Password, reportPath);
        await Assertions.Expect(officer.Locator("#partner-police a.edit")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#partner-social a.edit")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("#summary a.edit")).ToHaveCountAsync(0);
        await officer.ClickAsync("#partner-police a.edit");
        await officer.FillAsync("#text", "Lokalpolisområde Järva ser fler rån mot unga kring Tensta centrum under hösten.");
        await officer.ClickAsync("#save");
        await officer.WaitForURLAsync(url => new Uri(url).AbsolutePath == reportPath);
        await Assertions.Expect(officer.Locator("#partner-police")).ToContainTextAsync("fler rån mot unga kring Tensta centrum");

        // The coordinator adopts it: the version is frozen with the decision.
        await coordinator.ReloadAsync();
        await coordinator.FillAsync("#committee", "Järva stadsdelsnämnd");
        await coordinator.FillAsync("#adoptedOn", "2026-10-15");
        await coordinator.FillAsync("#diaryNumber", "JÄR 2026/123");
        await coordinator.ClickAsync("#adopt");
        await Assertions.Expect(coordinator.Locator("dd.status")).ToContainTextAsync("Antagen");
        await Assertions.Expect(coordinator.Locator("dd.adopted")).ToContainTextAsync("JÄR 2026/123");

        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await coordinator.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(screenshot, ".lagesbild.png"), FullPage = true });
        }

        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.ClickAsync("a.docx"));
        Assert.Equal("lagesbild-jarva-2025-01-01.docx", download.SuggestedFilename);
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        using var documentXml = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await documentXml.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains("fler rån mot unga kring Tensta centrum", xml, StringComparison.Ordinal);
        Assert.Contains("JÄR 2026/123", xml, StringComparison.Ordinal);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("word/charts/", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".png", StringComparison.Ordinal));
    }
}
