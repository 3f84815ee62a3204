using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Security;

namespace Trygg.Tests.Operations;

/// <summary>
/// An administrator or coordinator turns on a second factor with any authenticator app, and from then on the password
/// alone does not sign them in. Codes are computed here as a phone would (RFC 6238); Identity checks them against the
/// system clock (it takes no TimeProvider), so these tests use the real time, as a phone does.
/// </summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private const string UserName = "samordnare@tvasteg.test";
    private const string Password = "Tvasteg-Test-1!";

    private readonly TryggApp app = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        Assert.Empty((await accounts.AddAsync(UserName, Roles.Coordinator, Password)).Errors);
        Assert.Empty((await accounts.AddAsync("analytiker@tvasteg.test", Roles.Analyst, Password)).Errors);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AfterEnrolmentThePasswordAloneNoLongerSignsInButPasswordAndCodeDo()
    {
        using var owner = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(owner, UserName, Password);
        var key = await EnableAsync(owner);

        using var client = app.CreateBrowserlikeClient();
        var password = await TryggApp.SignInAsync(client, UserName, Password);
        Assert.Equal("/login/two-factor", TryggApp.RedirectPath(password));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/plans", Token)).StatusCode);

        var wrong = await PostCodeAsync(client, password.Headers.Location!.OriginalString, "000000");
        Assert.Contains("Koden stämmer inte.", await wrong.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/plans", Token)).StatusCode);

        var right = await PostCodeAsync(client, password.Headers.Location!.OriginalString, TwoFactorAuthenticator.Code(TwoFactorAuthenticator.Key(key), TimeProvider.System.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans", Token)).StatusCode);
    }

    [Fact]
    public async Task EnrolmentShowsTheKeyAsTextAndAnOtpauthAddressAndRefusesAWrongCode()
    {
        using var client = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(client, UserName, Password);

        var page = await client.GetStringAsync("/account/two-factor", Token);
        var key = AuthenticatorKey(page);
        var wrong = await PostAsync(client, "/account/two-factor", page, "enable-two-factor", "Enable.Code", "123456");

        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Contains(WebUtility.HtmlEncode($"otpauth://totp/Trygg:{Uri.EscapeDataString(UserName)}?secret={key}&issuer=Trygg"), page, StringComparison.Ordinal);
        Assert.Contains("Koden stämmer inte. Kontrollera att telefonens klocka går rätt", wrong, StringComparison.Ordinal);
        Assert.Contains("Slå på tvåstegsverifiering", await client.GetStringAsync("/account/two-factor", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceWhenThePhoneIsLost()
    {
        using var owner = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(owner, UserName, Password);
        var enabled = await PostAsync(owner, "/account/two-factor", await owner.GetStringAsync("/account/two-factor", Token), "enable-two-factor", "Enable.Code",
            TwoFactorAuthenticator.Code(TwoFactorAuthenticator.Key(AuthenticatorKey(await owner.GetStringAsync("/account/two-factor", Token))), TimeProvider.System.GetUtcNow()));
        var codes = RecoveryCode().Matches(enabled).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        using var first = app.CreateBrowserlikeClient();
        var step = await TryggApp.SignInAsync(first, UserName, Password);
        var recovered = await PostCodeAsync(first, step.Headers.Location!.OriginalString, codes[0]);
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/plans", Token)).StatusCode);

        using var second = app.CreateBrowserlikeClient();
        step = await TryggApp.SignInAsync(second, UserName, Password);
        var reused = await PostCodeAsync(second, step.Headers.Location!.OriginalString, codes[0]);
        Assert.Contains("Koden stämmer inte.", await reused.Content.ReadAsStringAsync(Token));
        Assert.Contains("Reservkoder kvar: 9.", await owner.GetStringAsync("/account/two-factor", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdministratorsAndCoordinatorsAreOfferedTheSecondFactor()
    {
        using var analyst = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(analyst, "analytiker@tvasteg.test", Password);

        var page = await analyst.GetAsync("/account/two-factor", Token);

        Assert.Equal("/access-denied", TryggApp.RedirectPath(page));
        Assert.DoesNotContain("/account/two-factor", await analyst.GetStringAsync("/account/password", Token), StringComparison.Ordinal);
        using var coordinator = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(coordinator, UserName, Password);
        Assert.Contains("href=\"/account/two-factor\"", await coordinator.GetStringAsync("/account/password", Token), StringComparison.Ordinal);
    }

    /// <summary>Turns the second factor on as the person would, returning the key their phone holds.</summary>
    private static async Task<string> EnableAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/account/two-factor", Token);
        var key = AuthenticatorKey(page);
        var enabled = await PostAsync(client, "/account/two-factor", page, "enable-two-factor", "Enable.Code", TwoFactorAuthenticator.Code(TwoFactorAuthenticator.Key(key), TimeProvider.System.GetUtcNow()));
        Assert.Contains("Tvåstegsverifiering är på.", enabled, StringComparison.Ordinal);
        return key;
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string address, string code)
    {
        var page = await client.GetStringAsync(address, Token);
        return await client.PostAsync(address, Form(page, "two-factor-login", "Input.Code", code), Token);
    }

    private static async Task<string> PostAsync(HttpClient client, string address, string page, string handler, string field, string value)
    {
        var response = await client.PostAsync(address, Form(page, handler, field, value), Token);
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static FormUrlEncodedContent Form(string page, string handler, string field, string value) => new(new Dictionary<string, string>
    {
        ["_handler"] = handler,
        ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        [field] = value,
    });

    private static string AuthenticatorKey(string page) =>
        KeyOnPage().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryCode();
}
