using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Security;

namespace Trygg.Tests.Security;

/// <summary>What each role of DESIGN.md may see and do on the pages and API that exist, checked on the server.</summary>
[Collection(DemoApp.Name)]
public sealed class AuthorizationTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> AllRoles => new(Roles.All);

    public static TheoryData<string> WorkReaders => new(Roles.WorkReaders);

    [Theory]
    [InlineData("/")]
    [InlineData("/areas")]
    [InlineData("/areas/0180-sd-rinkeby")]
    [InlineData("/admin/users")]
    [InlineData("/account/password")]
    public async Task AnonymousVisitorsOfAPageAreSentToTheLoginPage(string page)
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync(page, Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", TryggApp.RedirectPath(response));
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(page), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/areas")]
    [InlineData("/api/areas/0180")]
    public async Task AnonymousApiCallsGet401(string endpoint)
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync(endpoint, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/areas/geojson?level=stadsdel")]
    public async Task PublicAddressesAnswerWithoutSigningIn(string address)
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync(address, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task EveryRoleSeesTheAreas(string role)
    {
        using var client = await app.SignedInClientAsync(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/areas", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/areas/0180-sd-rinkeby", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas?level=stadsdel", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/password", Token)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(WorkReaders))]
    public async Task RolesThatReadSharedWorkSeeIncidentCounts(string role)
    {
        using var client = await app.SignedInClientAsync(role);

        var overview = await client.GetStringAsync("/", Token);
        var area = await client.GetStringAsync("/areas/0180-sd-rinkeby", Token);

        Assert.Contains("Händelser per stadsdelsområde", overview);
        Assert.Contains("Senaste händelserna från polisen", overview);
        Assert.Contains("Händelser i området", area);
    }

    [Fact]
    public async Task AFieldReporterSeesNoIncidentCounts()
    {
        using var client = await app.SignedInClientAsync(Roles.Reporter);

        var overview = await client.GetStringAsync("/", Token);
        var area = await client.GetStringAsync("/areas/0180-sd-rinkeby", Token);

        Assert.DoesNotContain("Händelser per stadsdelsområde", overview);
        Assert.Contains("Som rapportör", overview);
        Assert.DoesNotContain("Händelser i området", area);
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task OnlyTheAdministratorManagesUsers(string role)
    {
        using var client = await app.SignedInClientAsync(role);

        var response = await client.GetAsync("/admin/users", Token);
        var overview = await client.GetStringAsync("/", Token);

        if (role == Roles.Administrator)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("href=\"/admin/users\"", overview);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
            Assert.DoesNotContain("href=\"/admin/users\"", overview);
        }
    }

    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task AnApiKeyActsWithItsRole(string role)
    {
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, key) = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync($"test {role}", role, Token);
        }

        using var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/areas?level=stadsdelsomrade", Token)).StatusCode);
    }

    [Fact]
    public async Task AWrongApiKeyGets401()
    {
        using var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "trygg_inte-en-riktig-nyckel");

        var response = await client.GetAsync("/api/areas", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
