using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.Ingestion;

[Collection(DemoApp.Name)]
public sealed class ImportFilePageTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFileOver100MegabytesIsRefusedWithAnExplanationAndTheServerStaysUp()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var form = await client.GetStringAsync("/data/import", Token);
        var runsBefore = await RunsAsync();

        using var content = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(TryggApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
        };
        var big = new ByteArrayContent(new byte[101 * 1024 * 1024]);
        big.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(big, "Upload", "stor.csv");
        var response = await client.PostAsync("/data/import", content, Token);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Filen är 101 MB; högst 100 MB kan läsas in här.", page);
        Assert.Equal(runsBefore, await RunsAsync());
        Assert.Equal("ok", await client.GetStringAsync("/healthz", Token));
    }

    [Fact]
    public async Task AFileOfAnotherKindIsRefusedWithTheKindsThatCanBeRead()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);
        var form = await client.GetStringAsync("/data/import", Token);

        using var content = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(TryggApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent("%PDF-1.7"u8.ToArray()), "Upload", "rapport.pdf" },
        };
        var page = WebUtility.HtmlDecode(await (await client.PostAsync("/data/import", content, Token)).Content.ReadAsStringAsync(Token));

        Assert.Contains("Filtypen '.pdf' kan inte läsas. Välj en CSV-, XLSX- eller GeoJSON-fil.", page);
    }

    private async Task<int> RunsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportRuns.CountAsync(Token);
    }
}
