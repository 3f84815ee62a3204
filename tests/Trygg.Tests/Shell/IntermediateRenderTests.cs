using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.FieldReports;
using Trygg.Security;

namespace Trygg.Tests.Shell;

/// <summary>
/// Every page, reached as a person reaches it (by following the links from the pages without parameters), answers without an
/// error whichever of its database commands is the first to answer later, that is wherever Blazor renders it half loaded. On
/// PostgreSQL the first command always answers later; on SQLite none does, so without this host such a page passes every other test.
/// </summary>
public sealed partial class IntermediateRenderTests(IntermediateRenderTests.DeferredQueriesApp app) : IClassFixture<IntermediateRenderTests.DeferredQueriesApp>
{
    /// <summary>Addresses followed per route and set of query names: enough to meet each page's states without visiting every area.</summary>
    private const int AddressesPerRoute = 2;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The administrator opens every page; a staff member of an organisation and a field reporter see other parts of them.</summary>
    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Reporter)]
    public async Task EveryPageAnswersWhicheverQueryIsTheFirstToAnswerLater(string role)
    {
        var routes = PageRoutes();
        var unlinked = await app.ArrangedAsync();
        using var client = await app.SignedInAsync(role);
        var queue = new Queue<string>(routes.Where(r => !r.Template.Contains('{', StringComparison.Ordinal)).Select(r => r.Template).Concat(unlinked));
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var followed = new Dictionary<string, int>(StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();

        while (queue.TryDequeue(out var address))
        {
            reached.Add(Route(routes, address)!.Template);
            var (html, failure) = await GetAsync(client, address, int.MaxValue);
            var commands = app.Queries.Commands;
            for (var first = 1; failure is null && first <= commands; first++)
            {
                (_, failure) = await GetAsync(client, address, first);
            }

            if (failure is not null)
            {
                failures.Add(failure);
                continue;
            }

            foreach (var link in Links(html).Where(seen.Add))
            {
                var key = Route(routes, link) is { } route ? $"{route.Template}?{QueryNames(link)}" : null;
                if (key is not null && followed.GetValueOrDefault(key) < AddressesPerRoute)
                {
                    followed[key] = followed.GetValueOrDefault(key) + 1;
                    queue.Enqueue(link);
                }
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }

        if (role == Roles.Administrator)
        {
            var unreached = routes.Select(r => r.Template).Where(t => !reached.Contains(t)).ToList();
            Assert.Empty(unreached);
        }
    }

    /// <summary>The page with the commands from number <paramref name="firstDeferred"/> on answering later, or why it failed.</summary>
    private async Task<(string Html, string? Failure)> GetAsync(HttpClient client, string address, int firstDeferred)
    {
        app.Queries.Restart(firstDeferred);
        var response = await client.GetAsync(address, Token);
        var html = await response.Content.ReadAsStringAsync(Token);
        var deferred = firstDeferred == int.MaxValue ? "no command deferred" : $"commands from number {firstDeferred} on deferred";
        return response.StatusCode >= HttpStatusCode.InternalServerError
            ? (html, $"{address} ({deferred}): {(int)response.StatusCode} {Exception(html)}")
            : (html, null);
    }

    /// <summary>Every @page of the web project, the routes with fewest parameters first so that "/areas/place-names" is not taken for an area.</summary>
    private static List<PageRoute> PageRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
            .Select(a => a.Template)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t.Count(c => c == '{'))
            .ThenBy(t => t, StringComparer.Ordinal)
            .Select(t => new PageRoute(t, new Regex("^" + RouteParameter().Replace(t, m => m.Groups[2].Value is "int" or "long" ? @"\d+" : "[^/]+") + "$")))
            .ToList();

    private static PageRoute? Route(List<PageRoute> routes, string address) => routes.FirstOrDefault(r => r.Pattern.IsMatch(address.Split('?')[0]));

    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0]).Where(l => l.Length > 0);

    private static string QueryNames(string address) =>
        address.Split('?') is [_, var query] ? string.Join('&', query.Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : "";

    /// <summary>The exception's message and the first line of a component it went through (the developer page's text), to say why a page failed.</summary>
    private static string Exception(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.Take(1).Concat(lines.Where(l => l.Contains(".razor:line", StringComparison.Ordinal)).Take(1)));
    }

    private sealed record PageRoute(string Template, Regex Pattern);

    [GeneratedRegex(@"\{(\w+)(?::(\w+))?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Href();

    /// <summary>The demo host whose commands answer later when a test says so (see <see cref="DeferredQueries"/>).</summary>
    public sealed class DeferredQueriesApp : TryggApp
    {
        private const string StaffName = "medarbetare-jarva@test.trygg.se";
        private const string ReporterName = "rapportor-jarva@test.trygg.se";

        private Task<IReadOnlyList<string>>? arranged;

        public DeferredQueries Queries { get; } = new();

        /// <summary>The data the demo lacks, added once for every crawl; returns the pages no link leads to.</summary>
        public Task<IReadOnlyList<string>> ArrangedAsync() => arranged ??= ArrangeAsync();

        /// <summary>A client signed in with the role: the administrator, or a person of Järva stadsdelsnämnd.</summary>
        public async Task<HttpClient> SignedInAsync(string role)
        {
            var client = CreateBrowserlikeClient();
            var (userName, password) = role switch
            {
                Roles.Administrator => (DatabaseSeeder.AdminUserName, AdminPassword),
                Roles.Staff => (StaffName, UserPassword),
                Roles.Reporter => (ReporterName, UserPassword),
                _ => throw new ArgumentOutOfRangeException(nameof(role)),
            };
            Queries.Restart(int.MaxValue);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, userName, password)).StatusCode);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (TestDatabase.IsPostgres)
                {
                    services.ConfigureDbContext<PostgresAppDbContext>(options => options.AddInterceptors(Queries));
                }
                else
                {
                    services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(Queries));
                }
            });
        }

        /// <summary>
        /// What the demo data lacks and the pages show: residents' reports (one answered, published and sent to Järva, one new), a
        /// lägesbild, a safety walk with a point, field reports the weekly meeting acted on, and a staff member and a field
        /// reporter of Järva stadsdelsnämnd.
        /// </summary>
        private async Task<IReadOnlyList<string>> ArrangeAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var token = TestContext.Current.CancellationToken;
            var organisation = await services.GetRequiredService<AppDbContext>().Organisations
                .Where(o => o.Name == "Järva stadsdelsnämnd").Select(o => o.Id).SingleAsync(token);
            var accounts = services.GetRequiredService<UserAccounts>();
            Assert.Empty((await accounts.AddAsync(StaffName, Roles.Staff, UserPassword, organisation)).Errors);
            Assert.Empty((await accounts.AddAsync(ReporterName, Roles.Reporter, UserPassword, organisation)).Errors);

            var reports = services.GetRequiredService<Trygg.CitizenReports.CitizenReports>();
            var (answered, _) = await reports.SubmitAsync(new ReportSubmission("skadegorelse", 59.3947, 17.9010, Description: "Krossad busskur i Tensta", Email: "tensta@example.se"), cancellationToken: token);
            Assert.Empty(await reports.ModerateAsync(answered!.Id, answered.Revision, new Moderation(
                ReportStatus.InProgress, "Glaset byts i veckan.", AssignTo: organisation, Visibility: ModerationState.Approved), "moderator", token));
            var (fresh, _) = await reports.SubmitAsync(new ReportSubmission("nedskrapning", 59.2435, 18.0931, Description: "Dumpade säckar bakom Farsta centrum"), cancellationToken: token);

            var (situation, situationErrors) = await services.GetRequiredService<Trygg.SituationReports.SituationReports>()
                .CreateAsync(new Trygg.SituationReports.NewReport(["0180-so-jarva"], "2025-T2"), "samordnare", token);
            Assert.Empty(situationErrors);

            var walks = services.GetRequiredService<SafetyWalks>();
            var (walk, _) = await walks.PlanAsync(new WalkInput("Kvällsvandring Rinkeby torg", "0180-sd-rinkeby", new DateOnly(2026, 11, 20), [organisation], "boende i Rinkeby"), "samordnare", token);
            Assert.Empty((await walks.AddPointAsync(walk!.Id, new WalkPointInput(WalkProblem.Lighting, 59.3884, 17.9287, "Tre lampor släckta längs gångvägen"), token)).Errors);

            var reporting = services.GetRequiredService<FieldReporting>();
            var filed = new List<long>();
            foreach (var reporter in new[] { DatabaseSeeder.AdminUserName, ReporterName })
            {
                var (field, fieldErrors) = await reporting.FileAsync(new FieldReportInput("Trasig belysning i gångtunneln", "otrygg-miljo", 2, Time.GetUtcNow().AddHours(-2), 59.3884, 17.9287),
                    reporter, organisation, token);
                Assert.Empty(fieldErrors);
                filed.Add(field!.Id);
            }

            var week = IsoWeek.Of(Time.GetUtcNow()).ToString();
            Assert.Empty((await reporting.PickAsync(new WeeklyActionInput("0180-sd-rinkeby", week, "Gångtunneln", "Byt belysningen", organisation,
                DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime).AddDays(7), filed), token)).Errors);

            return [$"/report/{answered.FollowKey}", $"/report/{fresh!.FollowKey}", services.GetRequiredService<Trygg.Web.CitizenReports.WatchLinks>().For(answered.Id),
                $"/reports/{situation!.Id}", $"/walks/{walk.Id}",
                $"/field/week?area=0180-sd-rinkeby&week={week}", "/areas/0180", "/areas/0180-sd-rinkeby"];
        }
    }
}
