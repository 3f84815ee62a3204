using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests;

/// <summary>
/// Trygg's real web host on a real, empty database of its own, with the demo data of ../shared/data loaded on start,
/// the clock at 23 November 2026 and no map tiles (the tests reach nothing beyond 127.0.0.1).
/// </summary>
public partial class TryggApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Test-Passw0rd!";
    public const string UserPassword = "Anvandare-Test-1!";

    private readonly bool ownsDatabase;

    public TryggApp()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    private TryggApp(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
    }

    /// <summary>A host on an existing database, e.g. to start a second time on the same data.</summary>
    public static TryggApp On(TestDatabase database) => new(database, ownsDatabase: false);

    public TestDatabase Database { get; }

    /// <summary>The database once the host has started and loaded the demo data: what a command run beside the host reads.</summary>
    public TestDatabase SeededDatabase
    {
        get
        {
            _ = Services;
            return Database;
        }
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero));

    /// <summary>More settings for the host, applied before it starts (e.g. Polisen:Live:Address).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Where the server listens when started with Kestrel (browser tests).</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Trygg", Database.ConnectionString);
        builder.UseSetting("Trygg:AdminPassword", AdminPassword);
        builder.UseSetting("Map:TileUrl", "");

        // Every test posts from the same address; the limit itself is tested on a host of its own.
        builder.UseSetting("RateLimits:PublicForms:Burst", "1000000");
        builder.UseSetting("RateLimits:PublicForms:PermitPerMinute", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates an account with the role (if missing) and a client signed in as it.</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var userName = $"{AreaCodesSlug(role)}@test.trygg.se";
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TryggUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(userName, role, UserPassword);
                Assert.Empty(result.Errors);
            }
        }

        var client = CreateBrowserlikeClient();
        var response = await SignInAsync(client, userName, UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the login form as a browser would, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The path a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Inget Location-huvud ({response.StatusCode}).");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("Sidan har inget antiforgery-fält."));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            Database.Dispose();
        }
    }

    private static string AreaCodesSlug(string role) => Trygg.Geography.AreaCodes.Slug(role);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
