using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Security;

namespace Trygg.Tests.Security;

public sealed class SignInTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAdminSignsInWithTheConfiguredPasswordAndSignsOut()
    {
        await using var app = new TryggApp();
        using var client = app.CreateBrowserlikeClient();

        var signIn = await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Token)).StatusCode);

        var page = await client.GetStringAsync("/", Token);
        var signOut = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(page),
        }), Token);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Token)).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndFiveInARowLockTheAccount()
    {
        await using var app = new TryggApp();
        using var client = app.CreateBrowserlikeClient();

        var first = await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, "fel-losenord");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Fel användarnamn eller lösenord.", await first.Content.ReadAsStringAsync(Token));

        for (var i = 1; i < IdentityPolicy.MaxFailedSignIns; i++)
        {
            await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, "fel-losenord");
        }

        var locked = await TryggApp.SignInAsync(client, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Kontot är låst", await locked.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Token)).StatusCode);
    }

    [Fact]
    public async Task APersonWithAOneTimePasswordMustChooseTheirOwnBeforeAnythingElse()
    {
        await using var app = new TryggApp();
        string oneTime;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("ny@stockholm.se", "samordnare");
            Assert.Empty(result.Errors);
            oneTime = result.Password!;
        }

        using var client = app.CreateBrowserlikeClient();
        var signIn = await TryggApp.SignInAsync(client, "ny@stockholm.se", oneTime);
        Assert.Equal("/account/password", TryggApp.RedirectPath(signIn));

        var elsewhere = await client.GetAsync("/areas", Token);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/password", TryggApp.RedirectPath(elsewhere));

        var form = await client.GetStringAsync("/account/password", Token);
        Assert.Contains("engångslösenord", form);
        var tooShort = await ChangePasswordAsync(client, form, oneTime, "kort");
        Assert.Contains("minst 10 tecken", tooShort);

        var changed = await ChangePasswordAsync(client, await client.GetStringAsync("/account/password", Token), oneTime, "Mitt-Eget-Losen-42");
        Assert.Contains("Lösenordet är bytt.", changed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/areas", Token)).StatusCode);
    }

    private static async Task<string> ChangePasswordAsync(HttpClient client, string form, string current, string next)
    {
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(form),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = next,
        }), Token);
        return await response.Content.ReadAsStringAsync(Token);
    }
}
