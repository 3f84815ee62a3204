using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Tests.Incidents;

[Collection(DemoApp.Name)]
public sealed class IncidentsApiTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPoliceNoticeIsListedWithTheAreaAndAccuracyItWasPlacedWith()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var page = await client.GetFromJsonAsync<PageJson>("/api/incidents?source=polisen&pageSize=1000", Token);

        var (notices, placedInStadsdel) = await CountInDatabaseAsync();
        Assert.Equal(notices, page!.Total);
        Assert.Equal(1000, page.Items.Count);
        Assert.All(page.Items, i => Assert.Matches("^(stadsdel|stadsdelsomrade|kommun|lan)$", i.Accuracy));
        Assert.All(page.Items.Where(i => i.Accuracy == "stadsdel"), i => Assert.StartsWith("0180-sd-", i.AreaCode));
        Assert.All(page.Items.Where(i => i.Accuracy == "lan"), i => Assert.Null(i.AreaCode));
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.OccurredAt >= p.Second.OccurredAt), "nyast först");
        var stadsdelPage = await client.GetFromJsonAsync<PageJson>("/api/incidents?minAccuracy=stadsdel&pageSize=1", Token);
        Assert.Equal(placedInStadsdel, stadsdelPage!.Total);
    }

    [Fact]
    public async Task CountsPerStadsdelsomradeAddUpToTheTotalAndMatchTheList()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);

        var rows = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=area&level=stadsdelsomrade", Token);
        var total = (await client.GetFromJsonAsync<PageJson>("/api/incidents?pageSize=1", Token))!.Total;
        var jarva = (await client.GetFromJsonAsync<PageJson>("/api/incidents?area=0180-so-jarva&pageSize=1000", Token))!;

        Assert.Equal(12, rows!.Count); // 11 stadsdelsområden and those not placed at that level
        Assert.Equal(total, rows.Sum(r => r.Count));
        Assert.Equal(jarva.Total, rows.Single(r => r.Key == "0180-so-jarva").Count);
        Assert.All(jarva.Items, i => Assert.True(i.AreaCode == "0180-so-jarva" || i.AreaCode!.StartsWith("0180-sd-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CountsPerCategoryAgreeWithTheDatabase()
    {
        using var client = await app.SignedInClientAsync(Roles.Coordinator);

        var rows = (await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=category", Token))!;

        await using var scope = app.Services.CreateAsyncScope();
        var expected = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
            .Where(i => !i.IsSummary).GroupBy(i => i.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Token);
        Assert.Equal(Trygg.Incidents.Taxonomy.Categories.Select(c => c.Code).Order(StringComparer.Ordinal), rows!.Select(r => r.Key).Order(StringComparer.Ordinal)); // every category, empty ones too
        Assert.All(expected, e => Assert.Equal(e.Count, rows.Single(r => r.Key == e.Key).Count));
        Assert.Equal("Våld", rows.Single(r => r.Key == "vald").Label);
        Assert.True(rows.Single(r => r.Key == "vald").Count > 500);
    }

    [Fact]
    public async Task AMonthIsCountedInSwedishTime()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var months = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=month&from=2025-01-01&to=2025-12-31", Token);
        var june = (await client.GetFromJsonAsync<PageJson>("/api/incidents?from=2025-06-01&to=2025-06-30&pageSize=1", Token))!.Total;

        await using var scope = app.Services.CreateAsyncScope();
        var start = SwedishTime.ToUtc(new DateTime(2025, 6, 1));
        var end = SwedishTime.ToUtc(new DateTime(2025, 7, 1));
        var expected = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
            .CountAsync(i => !i.IsSummary && i.OccurredAt >= start && i.OccurredAt < end, Token);
        Assert.Equal(12, months!.Count);
        Assert.Equal(expected, months.Single(m => m.Key == "2025-06").Count);
        Assert.Equal("juni 2025", months.Single(m => m.Key == "2025-06").Label);
        Assert.Equal(expected, june);
    }

    [Fact]
    public async Task TheWeekdayHourProfileHas168CellsThatAddUpToTheTotal()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var cells = await client.GetFromJsonAsync<List<RowJson>>("/api/incidents/aggregate?by=weekday-hour&category=vald", Token);
        var total = (await client.GetFromJsonAsync<PageJson>("/api/incidents?category=vald&pageSize=1", Token))!.Total;

        Assert.Equal(168, cells!.Count);
        Assert.Equal(total, cells.Sum(c => c.Count));
        Assert.Equal("1-00", cells[0].Key);
        Assert.StartsWith("måndag 00", cells[0].Label);
        Assert.StartsWith("söndag 23", cells[^1].Label);

        // Each cell holds the incidents whose Swedish wall-clock time (summer time included) falls in it, counted here
        // from the stored UTC times with the operating system's time zone rules.
        await using var scope = app.Services.CreateAsyncScope();
        var times = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Incidents
            .Where(i => i.Category == "vald" && !i.IsSummary).Select(i => i.OccurredAt).ToListAsync(Token);
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var expected = times.Select(t => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), stockholm))
            .GroupBy(t => $"{((int)t.DayOfWeek + 6) % 7 + 1}-{t.Hour:00}").ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.All(cells, c => Assert.Equal(expected.GetValueOrDefault(c.Key), c.Count));
    }

    [Fact]
    public async Task AggregatesDownloadAsCsvForExcel()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents/aggregate?by=category");
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await client.SendAsync(request, Token);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Token)).TrimStart('\uFEFF');

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("nyckel;namn;antal\r\n", text);
        Assert.Contains("vald;\"Våld\";", text);
    }

    [Theory]
    [InlineData("/api/incidents?from=2026-13-01", "from", "ÅÅÅÅ-MM-DD")]
    [InlineData("/api/incidents?from=2026-05-01&to=2026-04-01", "to", "före startdatum")]
    [InlineData("/api/incidents?pageSize=5000", "pageSize", "mellan 1 och 1000")]
    [InlineData("/api/incidents?category=spoken", "category", "Okänd kategori: spoken")]
    [InlineData("/api/incidents?area=0180-sd-atlantis", "area", "Inget område")]
    [InlineData("/api/incidents?minAccuracy=exakt", "minAccuracy", "Okänd noggrannhet")]
    [InlineData("/api/incidents/aggregate?by=decennium", "by", "by=area")]
    public async Task AWrongFilterIsExplainedInSwedish(string address, string parameter, string message)
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        var response = await client.GetAsync(address, Token);
        var body = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{parameter}\"", body);
        Assert.Contains(message, body);
    }

    [Theory]
    [InlineData(Roles.Reporter, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, HttpStatusCode.OK)]
    public async Task FieldReportersDoNotReadTheIncidents(string role, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync(role);

        Assert.Equal(expected, (await client.GetAsync("/api/incidents", Token)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/incidents/aggregate?by=category", Token)).StatusCode);
    }

    private async Task<(int Notices, int InStadsdel)> CountInDatabaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (
            await db.Incidents.CountAsync(i => i.Source == PolisenImporter.Source && !i.IsSummary, Token),
            await db.Incidents.CountAsync(i => !i.IsSummary && (i.Accuracy == Trygg.Incidents.LocationAccuracy.Neighbourhood || i.Accuracy == Trygg.Incidents.LocationAccuracy.Point), Token));
    }

    private sealed record PageJson(List<ItemJson> Items, int Total, int Page, int PageSize);

    private sealed record ItemJson(long Id, string Source, string ExternalId, DateTime OccurredAt, string? Category, string Type, string? AreaCode, string Accuracy, string? Text);

    private sealed record RowJson(string Key, string Label, long Count);
}
