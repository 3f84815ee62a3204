using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.Tests.CitizenReports;

namespace Trygg.BrowserTests.CitizenReports;

public sealed class ResidentReportTests
{
    [Fact]
    public async Task AResidentOnAPhoneReportsWithAPhotoSeesTheSameProblemFollowsTheLinkAndReadsTheModeratorsAnswer()
    {
        await using var session = await SignedInBrowser.OpenAsync("/moderation");
        var resident = await session.ResidentOnPhoneAsync();
        await resident.GotoAsync("/report");
        var map = resident.Locator("trygg-report-map[data-state=ready] .area-map-canvas");
        await map.WaitForAsync();
        await Assertions.Expect(resident.Locator("trygg-report-map path.area-0180-sd-sodermalm")).ToHaveCountAsync(1); // districts outlined for residents too

        // The map opens over central Stockholm; a tap a little south of the centre puts the pin on Södermalm.
        var box = (await map.BoundingBoxAsync())!;
        await map.TapAsync(new LocatorTapOptions { Position = new Position { X = (box.Width / 2) + 10, Y = (box.Height / 2) + 40 } });
        await Assertions.Expect(resident.Locator("#report-latitude")).ToHaveValueAsync(new Regex(@"^59\.3\d{5}$"));
        await Assertions.Expect(resident.Locator("trygg-report-map path.report-pin")).ToHaveCountAsync(1);
        var latitude = double.Parse(await resident.InputValueAsync("#report-latitude"), CultureInfo.InvariantCulture);
        var longitude = double.Parse(await resident.InputValueAsync("#report-longitude"), CultureInfo.InvariantCulture);

        // Someone reported the same lamp a moment ago, about 30 m away.
        var earlier = await FileAsync(session.App, new ReportSubmission("belysning", latitude + 0.0003, longitude, Description: "Gatlyktan är släckt",
            Attributes: new Dictionary<string, string[]> { ["typ"] = ["gatlykta"] }));

        await resident.SelectOptionAsync("#report-service", "belysning");
        await Assertions.Expect(resident.Locator("#nearby-count")).ToContainTextAsync("Öppna rapporter av samma slag inom 250 meter: 1.");
        await resident.ClickAsync("#next");

        var suggestion = resident.Locator($"#same-problem li[data-report=\"{earlier.Id}\"]");
        await Assertions.Expect(suggestion).ToContainTextAsync(new Regex(@"\d+ m bort"));
        await Assertions.Expect(resident.Locator($"#support-{earlier.Id}")).ToBeVisibleAsync();

        // It is another lamp: the resident files anyway, with a photo.
        await resident.SelectOptionAsync("#attribute-typ", "gangvag");
        await resident.FillAsync("#report-description", "Lampan på gångvägen ner mot vattnet är släckt, det är helt mörkt");
        await resident.SetInputFilesAsync("#report-photo", new FilePayload { Name = "lampan.png", MimeType = "image/png", Buffer = TestPhoto.Png() });
        if (Environment.GetEnvironmentVariable("TRYGG_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await resident.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        await resident.ClickAsync("#send");

        await Assertions.Expect(resident.Locator("section.follow-link h2")).ToHaveTextAsync("Tack! Din rapport är mottagen.");
        var link = await resident.InputValueAsync("#follow-link");
        Assert.Matches(@"/report/[0-9a-f]{32}$", link);
        await resident.GotoAsync(link);
        await Assertions.Expect(resident.Locator(".status-line .status-word")).ToHaveTextAsync("Mottagen");
        await Assertions.Expect(resident.Locator("img.report-photo")).ToHaveJSPropertyAsync("naturalWidth", 24);

        // The moderator opens it from the queue, answers with the template "Åtgärdat", edits it and sends it: fixed.
        var key = new Uri(link).AbsolutePath["/report/".Length..];
        var id = await IdAsync(session.App, key);
        var moderator = session.Page;
        await moderator.GotoAsync("/moderation");
        await moderator.ClickAsync($"tr[data-report=\"{id}\"] a >> nth=0");
        await moderator.SelectOptionAsync("#answer-template", new SelectOptionValue { Label = "Åtgärdat" });
        await moderator.ClickAsync("#use-template");
        await Assertions.Expect(moderator.Locator("#answer-note")).ToHaveValueAsync("Tack för din rapport. Vi har åtgärdat felet.");
        await Assertions.Expect(moderator.Locator("#answer-status")).ToHaveValueAsync("Fixed");
        await moderator.FillAsync("#answer-note", "Tack för din rapport. Vi har bytt lampan på gångvägen.");
        await moderator.ClickAsync("#send-answer");
        await Assertions.Expect(moderator.Locator("#saved")).ToBeVisibleAsync();

        await resident.ReloadAsync();
        await Assertions.Expect(resident.Locator(".status-line .status-word")).ToHaveTextAsync("Åtgärdad");
        await Assertions.Expect(resident.Locator("#answer")).ToHaveTextAsync("Tack för din rapport. Vi har bytt lampan på gångvägen.");
    }

    private static async Task<CitizenReport> FileAsync(Trygg.Tests.TryggApp app, ReportSubmission submission)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (report, errors) = await scope.ServiceProvider.GetRequiredService<Trygg.CitizenReports.CitizenReports>().SubmitAsync(submission);
        Assert.Empty(errors);
        return report!;
    }

    private static async Task<long> IdAsync(Trygg.Tests.TryggApp app, string followKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CitizenReports.Where(r => r.FollowKey == followKey).Select(r => r.Id).SingleAsync();
    }
}
