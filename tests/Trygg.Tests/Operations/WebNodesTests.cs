using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Trygg.Data;

namespace Trygg.Tests.Operations;

/// <summary>Several web nodes on one database: a person signed in on one node stays signed in when the load balancer sends them to another.</summary>
public sealed class WebNodesTests : IDisposable
{
    private readonly string sharedKeys = Path.Combine(Path.GetTempPath(), "trygg-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string otherKeys = Path.Combine(Path.GetTempPath(), "trygg-tests", "keys-" + Guid.NewGuid().ToString("N")[..8]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodesSharingTheKeyFolderAcceptEachOthersSignInCookieAndANodeWithOtherKeysDoesNot()
    {
        await using var first = new TryggApp { Settings = { ["DataProtection:KeysPath"] = sharedKeys } };
        using var browser = first.CreateBrowserlikeClient();
        var signIn = await TryggApp.SignInAsync(browser, DatabaseSeeder.AdminUserName, TryggApp.AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("trygg=", StringComparison.Ordinal)).Split(';')[0];

        await using var second = TryggApp.On(first.Database);
        second.Settings["DataProtection:KeysPath"] = sharedKeys;
        await using var stranger = TryggApp.On(first.Database);
        stranger.Settings["DataProtection:KeysPath"] = otherKeys;

        Assert.NotEmpty(Directory.GetFiles(sharedKeys, "key-*.xml"));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(second, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookieAsync(stranger, cookie)).StatusCode);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { sharedKeys, otherKeys }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(TryggApp node, string cookie)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plans");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request, Token);
    }
}
