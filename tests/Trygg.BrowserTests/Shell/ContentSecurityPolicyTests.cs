namespace Trygg.BrowserTests.Shell;

/// <summary>The Content-Security-Policy holds in a real browser: script that an attacker slips into a page does not run.</summary>
public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public async Task AnInjectedInlineScriptOrStyleIsRefusedWhileTheSitesOwnScriptsRun()
    {
        await using var session = await SignedInBrowser.OpenAsync("/areas/0180-sd-rinkeby");
        var page = session.Page;

        await page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.injected = true';
              document.body.append(script);
              const styled = document.createElement('div');
              styled.innerHTML = '<p id="injected-style" style="color: rgb(255, 0, 0)">x</p>';
              document.body.append(styled);
            }
            """);

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.NotEqual("rgb(255, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('injected-style')).color"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"));
        var violations = session.TakePolicyViolations();
        Assert.Contains(violations, v => v.Contains("script", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(violations, v => v.Contains("style", StringComparison.OrdinalIgnoreCase));
    }
}
