using Microsoft.Playwright;

namespace Trygg.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). Without Chromium the tests are skipped with the reason,
/// unless TRYGG_REQUIRE_BROWSER=1 (as in CI), where a missing browser fails them.
/// </summary>
public static class Browser
{
    public static readonly string ExecutablePath = Environment.GetEnvironmentVariable("TRYGG_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var reason = $"Chromium finns inte på {ExecutablePath}: installera paketet chromium (apt-get install chromium) eller ange TRYGG_CHROMIUM.";
            if (Environment.GetEnvironmentVariable("TRYGG_REQUIRE_BROWSER") == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,

            // The machine has no network: without these Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
