using System.Net;
using System.Security.Claims;
using System.Text;
using Trygg.Security;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// Calls routes as a visitor who has not signed in and as a signed-in person of every role, and says where the answers differ
/// from what the matrix states: anonymous → 401 (API) or the login page, a role the line does not name → 403 or the
/// access-denied page, a role it names → anything else (a 400 for an empty form or body means the request got in).
/// </summary>
public sealed class AccessProbe(TryggApp app, RouteSamples samples)
{
    public const string Anonymous = "anonym";

    public static IReadOnlyList<string> Identities { get; } = [Anonymous, .. Roles.All];

    public enum Outcome
    {
        LetIn,
        Challenged,
        Forbidden,
    }

    /// <summary>What one identity got from one route.</summary>
    /// <param name="Explained">Whether a 401 or 403 came with a body: the handler's own refusal, where sign-in and the matrix answer with none.</param>
    public sealed record Answer(string Method, string Route, string Identity, string Path, HttpStatusCode Status, string? RedirectPath, bool Explained)
    {
        private bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal) || Route.StartsWith("/open311/", StringComparison.Ordinal);

        /// <summary>
        /// An API challenges and forbids with a bare status code, a page by sending the browser to the login or access-denied page. A
        /// refusal with a body came from the handler, past the matrix: on a line whose owning organisation decides that is "let in".
        /// </summary>
        public Outcome OutcomeUnder(AccessRule? rule) => (Status, RedirectPath) switch
        {
            (HttpStatusCode.Forbidden, _) when Explained && rule?.Owner is not null => Outcome.LetIn,
            (HttpStatusCode.Unauthorized, _) => Outcome.Challenged,
            (HttpStatusCode.Forbidden, _) => Outcome.Forbidden,
            (HttpStatusCode.Redirect, "/login") when !IsApi => Outcome.Challenged,
            (HttpStatusCode.Redirect, "/access-denied") when !IsApi => Outcome.Forbidden,
            _ => Outcome.LetIn,
        };

        public override string ToString() => $"{Method} {Path} som {Identity}: {(int)Status}{(RedirectPath is null ? "" : " → " + RedirectPath)}";
    }

    /// <summary>Calls every route as every identity, a few at a time; a sign-out goes last so that it cannot end a session under way.</summary>
    public async Task<IReadOnlyList<Answer>> CallAsync(IEnumerable<(string Method, string Route)> routes, string staticAssetExample, CancellationToken cancellationToken)
    {
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.CreateBrowserlikeClient() };
        foreach (var role in Roles.All)
        {
            clients[role] = await app.SignedInClientAsync(role);
        }

        try
        {
            var calls = routes.SelectMany(route => Identities.Select(identity => (route.Method, route.Route, Identity: identity)))
                .OrderBy(call => call.Route == "/logout").ToList();
            var answers = new Answer[calls.Count];
            var signOuts = calls.FindIndex(call => call.Route == "/logout");
            async ValueTask CallOne(int index, CancellationToken token)
            {
                var (method, route, identity) = calls[index];
                var path = route == AccessRule.StaticAssets ? staticAssetExample : samples.Fill(route);
                using var request = new HttpRequestMessage(new HttpMethod(method == AccessRule.AnyMethod ? "GET" : method), path);
                if (method is not ("GET" or AccessRule.AnyMethod))
                {
                    request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                        ? new StringContent("{}", Encoding.UTF8, "application/json")
                        : new FormUrlEncodedContent([]);
                }

                // Only the answer's status and where it redirects matter: an export is not read to its end.
                using var response = await clients[identity].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                var redirect = response.Headers.Location is null ? null : TryggApp.RedirectPath(response);
                var explained = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    && (await response.Content.ReadAsStringAsync(token)).Length > 0;
                answers[index] = new Answer(method, route, identity, path, response.StatusCode, redirect, explained);
            }

            var beforeSignOut = signOuts < 0 ? calls.Count : signOuts;
            await Parallel.ForAsync(0, beforeSignOut, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, CallOne);
            for (var index = beforeSignOut; index < calls.Count; index++)
            {
                await CallOne(index, cancellationToken);
            }

            return answers;
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Every answer that is not what the rules say, in words; empty when the app does what the matrix states.</summary>
    public static IReadOnlyList<string> Mismatches(IEnumerable<AccessRule> rules, IEnumerable<Answer> answers)
    {
        var byRoute = rules.ToDictionary(r => (r.Method, AccessRule.Normalise(r.Route)));
        var mismatches = new List<string>();
        foreach (var answer in answers)
        {
            var rule = byRoute.GetValueOrDefault((answer.Method, answer.Route));
            var who = rule?.Who ?? Who.Nobody;
            var expected = who.Allows(Principal(answer.Identity)) ? Outcome.LetIn
                : answer.Identity == Anonymous ? Outcome.Challenged
                : Outcome.Forbidden;
            if (answer.OutcomeUnder(rule) != expected)
            {
                mismatches.Add($"{answer} — matrisen säger {expected} ({who})");
            }
        }

        return mismatches;
    }

    private static ClaimsPrincipal Principal(string identity) => identity == Anonymous
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, identity)], "test"));
}
