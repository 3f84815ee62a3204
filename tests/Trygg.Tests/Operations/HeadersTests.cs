using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Trygg.Data;
using Trygg.Web.Security;

namespace Trygg.Tests.Operations;

/// <summary>What every response tells the browser to refuse, and the cookie flags, on a host with map tiles and HSTS switched on.</summary>
public sealed partial class HeadersTests : IAsyncLifetime
{
    private readonly TryggApp app = new()
    {
        Settings =
        {
            ["Map:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
            ["Security:Hsts"] = "true",
        },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task EveryPageForbidsInlineScriptFramingAndSniffingAndRunsOnlyItsOwnImportMap()
    {
        using var client = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);

        var pages = await SiteCrawler.CrawlAsync(client, start: ["/", "/areas/0180-sd-rinkeby", "/report"]);

        Assert.True(pages.Count >= 30, $"Bara {pages.Count} sidor nåddes.");
        Assert.Contains(pages, p => p.Path == "/areas/0180-sd-rinkeby");
        foreach (var page in pages)
        {
            var policy = Directives(page.Response.Headers.GetValues("Content-Security-Policy").Single());
            var nonce = Assert.Single(policy["script-src"], s => s.StartsWith("'nonce-", StringComparison.Ordinal))[7..^1];
            Assert.Equal(["'self'", $"'nonce-{nonce}'"], policy["script-src"]);
            Assert.Equal(["'self'"], policy["style-src"]);
            Assert.Equal(["'none'"], policy["frame-ancestors"]);
            Assert.Equal(["'none'"], policy["object-src"]);
            Assert.Equal(["'self'"], policy["form-action"]);
            Assert.Equal(["'self'"], policy["base-uri"]);
            Assert.Equal(["'self'"], policy["connect-src"]);
            Assert.Equal(["'self'", "data:", "blob:", "https://*.tiles.example.org"], policy["img-src"]);
            Assert.Equal("nosniff", page.Response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("camera=()", page.Response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

            // The one inline script is the import map, with this response's nonce; nothing carries a style attribute.
            var inline = InlineScript().Matches(page.Html).Select(m => m.Groups[1].Value).ToList();
            Assert.All(inline, attributes => Assert.Contains($"nonce=\"{nonce}\"", attributes, StringComparison.Ordinal));
            Assert.DoesNotMatch(StyleAttribute(), page.Html);
            Assert.DoesNotContain("<style", page.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task EachResponseHasItsOwnNonce()
    {
        using var client = app.CreateBrowserlikeClient();

        var first = (await client.GetAsync("/login", Token)).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/login", Token)).Headers.GetValues("Content-Security-Policy").Single();

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("/report/hemlig-foljnyckel", "no-referrer")]
    [InlineData("/report/watch/hemlig-bevakning", "no-referrer")]
    [InlineData("/report", "strict-origin-when-cross-origin")]
    [InlineData("/login", "strict-origin-when-cross-origin")]
    public async Task AResidentsSecretFollowLinkIsNeverSentOnAsAReferrer(string path, string policy)
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync(path, Token);

        Assert.Equal(policy, response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task OverHttpsTheBrowserIsToldToStayOnHttpsAndCookiesAreSecureHttpOnlyAndLax()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://trygg.example.se"), AllowAutoRedirect = false, HandleCookies = true,
        });

        var login = await client.GetAsync("/login", Token);
        var signIn = await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);

        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var session = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("trygg=", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            var flags = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(f => f.ToLowerInvariant()).ToList();
            Assert.Contains("secure", flags);
            Assert.Contains("httponly", flags);
            Assert.Contains("samesite=lax", flags);
        }
    }

    [Fact]
    public async Task OverPlainHttpThereIsNoHstsAndNoSecureFlag()
    {
        using var client = app.CreateBrowserlikeClient();

        var login = await client.GetAsync("/login", Token);

        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "'self' data: blob: https://tile.openstreetmap.org")]
    [InlineData("https://{s}.basemaps.example.com/{z}/{x}/{y}.png", "'self' data: blob: https://*.basemaps.example.com")]
    [InlineData("http://kartor.kommun.se:8080/wmts/{z}/{x}/{y}.png", "'self' data: blob: http://kartor.kommun.se:8080")]
    [InlineData("", "'self' data: blob:")]
    [InlineData("inte en adress", "'self' data: blob:")]
    public void TheMapTileServerIsTheOnlyOtherPlaceImagesMayComeFrom(string tileUrl, string expected) =>
        Assert.Equal(expected, SecurityHeaders.ImageSources(tileUrl));

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex("<script(?![^>]*\\ssrc=)([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
