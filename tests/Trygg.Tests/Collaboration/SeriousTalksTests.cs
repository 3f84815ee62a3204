using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Collaboration;
using Trygg.Data;

namespace Trygg.Tests.Collaboration;

[Collection(DemoApp.Name)]
public sealed class SeriousTalksTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Samtal med Anna Svensson hölls på tisdagen.", "ett namn")]
    [InlineData("Pojken, 20100612-1238, kom inte.", "ett personnummer")]
    [InlineData("Ring 070-123 45 67 vid frågor.", "ett telefonnummer")]
    [InlineData("Skickat till handlaggare@stockholm.se.", "en e-postadress")]
    public void ACommentThatLooksLikePersonalDataIsFound(string comment, string found) =>
        Assert.Equal(found, Trygg.Security.PersonalData.FindWithNames(comment));

    [Theory]
    [InlineData("Två samtal fick vänta över helgen.")]
    [InlineData("Per månad hålls fler samtal sedan Socialtjänsten Järva fick jour.")]
    [InlineData("")]
    public void AnOrdinaryCommentPasses(string comment) => Assert.Null(Trygg.Security.PersonalData.FindWithNames(comment));

    [Fact]
    public async Task AMonthIsRefusedWithMoreTalksThanSuspectsOrANameAndTheShareIsWithin48HoursOfTheSuspects()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var talks = scope.ServiceProvider.GetRequiredService<SeriousTalks>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var district = await db.Organisations.Where(o => o.Name == "Skärholmens stadsdelsnämnd").Select(o => o.Id).SingleAsync(Token);
        var police = await db.Organisations.Where(o => o.Name == "Lokalpolisområde Skärholmen").Select(o => o.Id).SingleAsync(Token);

        Assert.Equal("Välj stadsdelsnämnden som rapporterar.", (await talks.ReportAsync(new SeriousTalkInput(police, new DateOnly(2026, 9, 1), 4, 3, 2), "x", Token))["organisation"]);
        Assert.StartsWith("Fler samtal än unga", (await talks.ReportAsync(new SeriousTalkInput(district, new DateOnly(2026, 9, 1), 4, 5, 2), "x", Token))["talksHeld"], StringComparison.Ordinal);
        Assert.StartsWith("Samtalen inom 48 timmar", (await talks.ReportAsync(new SeriousTalkInput(district, new DateOnly(2026, 9, 1), 4, 3, 4), "x", Token))["talksWithin48Hours"], StringComparison.Ordinal);
        Assert.Equal("En månad som inte har börjat kan inte rapporteras.", (await talks.ReportAsync(new SeriousTalkInput(district, new DateOnly(2026, 12, 1), 4, 3, 2), "x", Token))["month"]);
        Assert.Contains("ett namn", (await talks.ReportAsync(new SeriousTalkInput(district, new DateOnly(2026, 9, 1), 4, 3, 2, "Omar Hassan fick samtal."), "x", Token))["comment"], StringComparison.Ordinal);
        Assert.Empty((await talks.SeriesAsync(district, Token)).Months);

        int[][] months = [[8, 6, 2], [10, 8, 4], [5, 5, 3], [4, 4, 3]];
        for (var i = 0; i < months.Length; i++)
        {
            Assert.Empty(await talks.ReportAsync(new SeriousTalkInput(district, new DateOnly(2026, 6 + i, 1), months[i][0], months[i][1], months[i][2]), "x", Token));
        }

        var series = await talks.SeriesAsync(district, Token);
        Assert.Equal([0.25, 0.4, 0.6, 0.75], series.Months.Select(m => SeriousTalks.Share(m)!.Value));
        Assert.Equal(6, series.Trend!.S); // every later month higher than every earlier: S = 4·3/2
    }
}
