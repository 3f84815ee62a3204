using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Security;

namespace Trygg.Tests.Operations;

/// <summary>Guessing a password through the real sign-in page stops after five tries for fifteen minutes, on Trygg's clock.</summary>
public sealed class LockoutTests : IAsyncLifetime
{
    private const string UserName = "samordnare@lasning.test";
    private const string Password = "Lasning-Test-1!";

    private readonly TryggApp app = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(UserName, Roles.Coordinator, Password)).Errors);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilFifteenMinutesHavePassed()
    {
        using var client = app.CreateBrowserlikeClient();
        for (var i = 1; i < IdentityPolicy.MaxFailedSignIns; i++)
        {
            var wrong = await TryggApp.SignInAsync(client, UserName, $"fel-losenord-{i}");
            Assert.Contains("Fel användarnamn eller lösenord.", await wrong.Content.ReadAsStringAsync(Token));
        }

        var fifth = await TryggApp.SignInAsync(client, UserName, "fel-losenord-5");
        Assert.Contains("Kontot är låst efter för många misslyckade försök. Försök igen om 15 minuter.", await fifth.Content.ReadAsStringAsync(Token));

        app.Time.Advance(TimeSpan.FromMinutes(14));
        var rightTooEarly = await TryggApp.SignInAsync(client, UserName, Password);
        Assert.Equal(HttpStatusCode.OK, rightTooEarly.StatusCode);
        Assert.Contains("Kontot är låst", await rightTooEarly.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/plans", Token)).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var right = await TryggApp.SignInAsync(client, UserName, Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans", Token)).StatusCode);
    }

    [Fact]
    public async Task TheUsersPageShowsTheLockedAccountWhileItIsLocked()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TryggUser>>();
        var user = (await users.FindByNameAsync(UserName))!;
        for (var i = 0; i < IdentityPolicy.MaxFailedSignIns; i++)
        {
            await users.AccessFailedAsync(user);
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        Assert.True((await accounts.ListAsync()).Single(u => u.UserName == UserName).LockedOut);
        app.Time.Advance(IdentityPolicy.LockoutDuration + TimeSpan.FromSeconds(1));
        Assert.False((await accounts.ListAsync()).Single(u => u.UserName == UserName).LockedOut);
        Assert.False(await users.IsLockedOutAsync(user));
    }

    [Theory]
    [InlineData("Sommar2026!")]
    [InlineData("Lösenord123!")]
    [InlineData("Qwertyuiop1!")]
    [InlineData("1234567890")]
    [InlineData("aaaaaaaaaa1!")]
    [InlineData("Stockholm2026")]
    public async Task AVeryCommonPasswordIsRefusedWithASwedishReasonEvenWhenItIsLongEnough(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync($"ny{Math.Abs(password.GetHashCode(StringComparison.Ordinal))}@lasning.test", Roles.Analyst, password);

        Assert.Contains("Lösenordet är för vanligt och gissas lätt. Välj en mening eller flera ord som inte hör ihop.", result.Errors);
    }

    [Fact]
    public async Task APassphraseIsAccepted()
    {
        await using var scope = app.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("fras@lasning.test", Roles.Analyst, "Cykel-Tulpan-Fönster-7");

        Assert.Empty(result.Errors);
    }
}
