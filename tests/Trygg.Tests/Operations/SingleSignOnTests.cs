using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Trygg.Security;

namespace Trygg.Tests.Operations;

/// <summary>
/// Sign-in through the municipality's OpenID Connect provider, against a small provider on 127.0.0.1 that publishes its
/// discovery document and key and signs real id_tokens: the person's account and role come from the provider's claims.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private const string ClientId = "trygg-test";

    private static readonly string[] CodeFlow = ["code"];
    private static readonly string[] PublicSubjects = ["public"];
    private static readonly string[] Rs256 = ["RS256"];

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "provider-key-1" };
    private RecordedHttpServer provider = default!;
    private TryggApp app = default!;
    private string nonce = "";
    private string[] providerRoles = [];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        provider = await RecordedHttpServer.StartAsync();
        provider.Answer = Provide;
        app = new TryggApp
        {
            Settings =
            {
                ["Authentication:Oidc:Authority"] = Issuer,
                ["Authentication:Oidc:ClientId"] = ClientId,
                ["Authentication:Oidc:ClientSecret"] = "hemlighet",
                ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
                ["Authentication:Oidc:Roles:trygg-samordnare"] = Roles.Coordinator,
                ["Authentication:Oidc:Roles:trygg-lasare"] = Roles.Reader,
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await provider.DisposeAsync();
        key.Rsa.Dispose();
    }

    private string Issuer => provider.Address.ToString().TrimEnd('/');

    [Fact]
    public async Task APersonSignedInAtTheProviderGetsAnAccountWithTheRoleTheirClaimsGive()
    {
        providerRoles = ["trygg-lasare", "trygg-samordnare", "okand-grupp"];
        var browser = new Browser(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

        var login = await browser.GetStringAsync("/login");
        var landed = await SignInAtProviderAsync(browser, "/plans");

        Assert.Contains("Logga in med kommunens konto", login, StringComparison.Ordinal);
        Assert.Equal("/plans", landed);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/plans")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TryggUser>>();
        var account = await users.FindByNameAsync("karin.samordnare@kommun.test");
        Assert.NotNull(account);
        Assert.Equal("Karin Samordnare", account.DisplayName);
        Assert.Equal([Roles.Coordinator], await users.GetRolesAsync(account));
    }

    [Fact]
    public async Task APersonWhoseClaimsGiveNoRoleIsRefusedAndGetsNoAccount()
    {
        providerRoles = ["okand-grupp"];
        var browser = new Browser(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));

        var landed = await SignInAtProviderAsync(browser, "/plans");

        Assert.Equal("/login?sso=no-role", landed);
        Assert.Contains("har ingen roll i Trygg", await browser.GetStringAsync(landed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/plans")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<TryggUser>>().FindByNameAsync("karin.samordnare@kommun.test"));
    }

    [Fact]
    public async Task WithoutAProviderConfiguredThereIsNoButtonAndNoSignInAddress()
    {
        await using var plain = new TryggApp();
        using var client = plain.CreateBrowserlikeClient();

        Assert.DoesNotContain("single-sign-on", await client.GetStringAsync("/login", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/login/oidc", Token)).StatusCode);
    }

    /// <summary>Follows the browser's way: Trygg → the provider's authorize page (the person signs in there) → Trygg's callback → Trygg.</summary>
    private async Task<string> SignInAtProviderAsync(Browser browser, string returnUrl)
    {
        var challenge = await browser.GetAsync($"/login/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith($"{Issuer}/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        nonce = query["nonce"].ToString();

        var callback = new Uri(query["redirect_uri"].ToString());
        var back = await browser.GetAsync($"{callback.AbsolutePath}?code=einmalig-kod&state={Uri.EscapeDataString(query["state"].ToString())}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var done = await browser.GetAsync(back.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return done.Headers.Location!.OriginalString;
    }

    private RecordedAnswer Provide(Microsoft.AspNetCore.Http.HttpRequest request) => request.Path.Value switch
    {
        "/.well-known/openid-configuration" => new RecordedAnswer(200, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = CodeFlow,
            ["subject_types_supported"] = PublicSubjects,
            ["id_token_signing_alg_values_supported"] = Rs256,
        })),
        "/jwks" => new RecordedAnswer(200, JsonSerializer.Serialize(new { keys = new[] { PublicKey() } })),
        "/token" => new RecordedAnswer(200, JsonSerializer.Serialize(new { access_token = "atkomst", token_type = "Bearer", expires_in = 300, id_token = IdToken() })),
        _ => new RecordedAnswer(404, ""),
    };

    private Dictionary<string, string> PublicKey()
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    /// <summary>Valid for hours either side of now, so that the host's fixed test clock and the real one both accept it.</summary>
    private string IdToken()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = now.AddHours(-12),
            NotBefore = now.AddHours(-12),
            Expires = now.AddHours(12),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "karin-1", ["email"] = "karin.samordnare@kommun.test", ["name"] = "Karin Samordnare", ["nonce"] = nonce, ["roles"] = providerRoles,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>
    /// Cookies kept by name regardless of their expiry and Secure flag: the host's clock is fixed for the tests, so a
    /// real cookie jar would drop the provider round trip's short-lived cookies as long expired.
    /// </summary>
    private sealed class Browser(HttpClient client)
    {
        private readonly Dictionary<string, string> cookies = [];

        public async Task<HttpResponseMessage> GetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await client.SendAsync(request, Token);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0)
                {
                    cookies.Remove(pair[0]);
                }
                else
                {
                    cookies[pair[0]] = pair[1];
                }
            }

            return response;
        }

        public async Task<string> GetStringAsync(string path) => await (await GetAsync(path)).Content.ReadAsStringAsync(Token);
    }
}
