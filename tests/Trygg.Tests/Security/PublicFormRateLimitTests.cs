using System.Net;

namespace Trygg.Tests.Security;

/// <summary>An anonymous client that posts the public forms harder than configured is told, in Swedish, to wait; reading and signed-in work are not limited.</summary>
public sealed class PublicFormRateLimitTests : IDisposable
{
    private readonly TryggApp app = new()
    {
        Settings =
        {
            ["Trygg:LoadDemoData"] = "false",
            ["RateLimits:PublicForms:PermitPerMinute"] = "1",
            ["RateLimits:PublicForms:Burst"] = "3",
        },
    };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GuessingPasswordsIsStoppedWithRetryAfterWhileReadingAndSignedInPostsGoOn()
    {
        using var coordinator = await app.SignedInClientAsync(Trygg.Security.Roles.Coordinator); // one anonymous post: the sign-in
        var signedInPosts = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var form = await coordinator.GetStringAsync("/report", Token);
            signedInPosts.Add((await coordinator.PostAsync("/report", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "report",
                ["__RequestVerificationToken"] = TryggApp.AntiforgeryToken(form),
            }), Token)).StatusCode);
        }

        using var guesser = app.CreateBrowserlikeClient();
        var guesses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            guesses.Add(await TryggApp.SignInAsync(guesser, "samordnare@test.trygg.se", $"fel-lösenord-{i}"));
        }

        var readings = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            readings.Add((await guesser.GetAsync("/login", Token)).StatusCode);
        }

        Assert.All(signedInPosts, status => Assert.Equal(HttpStatusCode.OK, status)); // the form answers with its validation messages
        Assert.Equal(HttpStatusCode.OK, guesses[0].StatusCode);
        var refused = guesses[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("Din adress har skickat många formulär på kort tid.", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.All(readings, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    public void Dispose() => app.Dispose();
}
