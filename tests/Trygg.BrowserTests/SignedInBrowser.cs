using Microsoft.Playwright;
using Trygg.Data;
using Trygg.Tests;

namespace Trygg.BrowserTests;

/// <summary>Trygg on a real Kestrel server with its own database, and Chromium signed in as the admin on a page of it.</summary>
public sealed class SignedInBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<string> policyViolations;

    private SignedInBrowser(IPlaywright playwright, IBrowser browser, TryggApp app, IPage page, List<string> policyViolations)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.policyViolations = policyViolations;
        App = app;
        Page = page;
    }

    public TryggApp App { get; }

    public IPage Page { get; }

    /// <summary>Opens <paramref name="path"/>, signs in on the login page it leads to, and returns on <paramref name="path"/>.</summary>
    public static async Task<SignedInBrowser> OpenAsync(string path, int width = 1280, int height = 1000)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var app = new TryggApp();
        app.UseKestrel(0);
        app.StartServer();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });
        var policyViolations = new List<string>();
        WatchPolicy(page, policyViolations);
        await page.GotoAsync(path);
        Assert.Contains("/login?ReturnUrl=", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#username", DatabaseSeeder.AdminUserName);
        await page.FillAsync("#password", TryggApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        return new SignedInBrowser(playwright, browser, app, page, policyViolations);
    }

    /// <summary>Another person, in a browser context of their own, signed in on <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsAsync(string userName, string password, string path)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        WatchPolicy(page, policyViolations);
        await page.GotoAsync(path);
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        return page;
    }

    /// <summary>A resident who is not signed in, in a browser context of their own: a phone of <paramref name="width"/> × <paramref name="height"/> with touch.</summary>
    public async Task<IPage> ResidentOnPhoneAsync(int width = 390, int height = 844)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        WatchPolicy(page, policyViolations);
        return page;
    }

    /// <summary>The CSP refusals so far, which no longer fail the test: for a test that provokes one on purpose.</summary>
    public IReadOnlyList<string> TakePolicyViolations()
    {
        lock (policyViolations)
        {
            var taken = policyViolations.ToList();
            policyViolations.Clear();
            return taken;
        }
    }

    /// <summary>Fails the test when the browser refused anything under the Content-Security-Policy: a page that needs inline script or style is broken for real users.</summary>
    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await App.DisposeAsync();
        lock (policyViolations)
        {
            Assert.True(policyViolations.Count == 0, "Webbläsaren stoppade något enligt CSP:\n" + string.Join('\n', policyViolations));
        }
    }

    /// <summary>Chromium reports each CSP refusal as a console error naming the policy.</summary>
    private static void WatchPolicy(IPage page, List<string> violations) =>
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
}
