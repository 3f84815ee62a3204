using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;
using Trygg.Security;
using Trygg.Web.CitizenReports;
using Trygg.Web.FieldReports;

namespace Trygg.Web.Security;

/// <summary>
/// Who may call every endpoint and open (GET) or post a form to (POST) every page: the single statement of Trygg's authorisation.
/// <see cref="AccessMatrixMiddleware"/> applies it to every request before the endpoint runs, and a route that has no line here is
/// closed to everyone, so a new endpoint is unreachable until someone decides who may use it. The handlers check the owning
/// organisation where a line says so; roles are those of DESIGN.md (<see cref="Roles"/>). Tests call every route as every role.
/// </summary>
public sealed class AccessMatrix
{
    private static readonly Who Readers = Who.Only(Roles.WorkReaders);
    private static readonly Who Planners = Who.Only(Roles.Planners);
    private static readonly Who Importers = Who.Only(Roles.Importers);
    private static readonly Who Coordinators = Who.Only(Roles.Adopters);
    private static readonly Who Administrators = Who.Only(Roles.Administrator);
    private static readonly Who Moderators = Who.Only(ModerationAccess.Roles.Split(','));
    private static readonly Who FieldReporters = Who.Only(FieldAccess.Reporters.Split(','));
    private static readonly Who WeeklyMeeting = Who.Only(FieldAccess.Meeting);
    private static readonly Who PlannersAndOwners = Who.Only(Roles.Administrator, Roles.Coordinator, Roles.Analyst, Roles.Staff);

    private const string Moderated = "Medarbetare bara för rapporter tilldelade sin organisation, en under den eller den den företräder (ModerationAccess); andra får 404/403.";

    /// <summary>The matrix. Pages are written once: who opens them, and who may post their forms (nobody when they have none).</summary>
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        // The shell, signing in and out, files and health.
        new("GET", AccessRule.StaticAssets, Who.Anyone),
        new("GET", "/{**path:file}", Who.Anyone), // static files outside the build's manifest, mapped in development
        new("GET", "/_framework/opaque-redirect", Who.Anyone), // Blazor's redirect after an enhanced form post
        new("GET", "/healthz", Who.Anyone),
        new("GET", "/readyz", Who.Anyone), // for the load balancer: whether the database answers and is migrated
        new("GET", "/metrics", Who.Anyone, WhenConfigured: true), // Prometheus' scrape (Metrics:Prometheus), only on its own port
        new("GET", "/openapi/{documentName}.json", Who.Anyone),
        new("GET", "/api/docs/{documentName?}", Who.Anyone),
        new("GET", "/api/docs/scalar.js", Who.Anyone),
        new("GET", "/api/docs/scalar.aspnetcore.js", Who.Anyone),
        new("GET", "/api/docs/favicon.svg", Who.Anyone),
        new("GET", "/culture/{name}", Who.Anyone),
        new("POST", "/logout", Who.Anyone),
        .. Page("/login", Who.Anyone, posts: Who.Anyone),
        .. Page("/login/two-factor", Who.Anyone, posts: Who.Anyone, owner: "Bara den som just gett rätt lösenord (Identitys tvåstegskaka)."),
        new("GET", "/login/oidc", Who.Anyone), // off unless Authentication:Oidc is configured
        new("GET", "/login/oidc/done", Who.Anyone),
        .. Page("/not-found", Who.Anyone),
        .. Page("/access-denied", Who.SignedIn),
        .. Page("/account/password", Who.SignedIn, posts: Who.SignedIn),
        .. Page("/account/two-factor", Who.Only(TwoFactorKeys.Roles.Split(',')), posts: Who.Only(TwoFactorKeys.Roles.Split(','))),
        .. Page("/", Who.SignedIn),
        .. Page("/admin/users", Administrators, posts: Administrators),
        .. Page("/audit", Administrators), // the log also holds changes to accounts
        new("GET", "/api/audit.csv", Administrators),

        // Geography: area names and shapes are the municipality's public geography; incidents within them are shared work.
        new("GET", "/api/areas", Who.SignedIn),
        new("GET", "/api/areas/geojson", Who.Anyone), // the outlines on the residents' map
        new("GET", "/api/areas/{code}", Who.SignedIn),
        .. Page("/areas", Who.SignedIn),
        .. Page("/areas/{Code}", Who.SignedIn),
        .. Page("/areas/place-names", Coordinators, posts: Coordinators),

        // Data and incidents.
        new("GET", "/api/imports", Importers),
        new("GET", "/api/imports/{id:long}/rejections.csv", Importers),
        .. Page("/data", Importers),
        .. Page("/data/import", Importers, posts: Importers),
        .. Page("/data/surveys", Importers, posts: Importers),
        new("GET", "/api/incidents", Readers),
        new("GET", "/api/incidents/export", Readers),
        new("GET", "/api/incidents/aggregate", Readers),
        .. Page("/incidents", Readers),
        .. Page("/incidents/categories", Coordinators, posts: Coordinators),

        // Analysis.
        new("GET", "/api/analysis/trend", Readers),
        new("GET", "/api/analysis/concentration", Readers),
        new("GET", "/api/analysis/areas", Readers),
        new("GET", "/api/analysis/density", Readers),
        new("GET", "/api/analysis/points", Readers),
        new("GET", "/api/analysis/hotspots", Readers),
        .. Page("/map", Readers),

        // Indicators: population, KPIs and survey results, read like the analysis.
        new("GET", "/api/indicators", Readers),
        new("GET", "/api/indicators/{code}/observations", Readers),
        .. Page("/indicators", Readers),
        .. Page("/indicators/{Code}", Readers),

        // Lägesbilder: planners draft, the coordinator adopts (checked in the handler); a section's organisation writes its own section.
        new("GET", "/api/reports", Readers),
        new("POST", "/api/reports", Planners),
        new("GET", "/api/reports/{id:int}", Readers),
        new("GET", "/api/reports/{id:int}/docx", Readers),
        .. Page("/reports", Readers, posts: Planners),
        .. Page("/reports/{Id:int}", Readers, posts: Planners, owner: "Antagandet bara för Samordnare och Administratör."),
        .. Page("/reports/{Id:int}/print", Readers),
        .. Page("/reports/{Id:int}/versions", Readers),
        .. Page("/reports/{Id:int}/sections/{Key}", Readers, posts: PlannersAndOwners,
            owner: "Analytiker och Medarbetare bara för avsnitt som ägs av deras organisation eller en under den (SituationReports.CanEdit)."),

        // Problems, causes and goals.
        .. Page("/problems/new", Planners, posts: Planners),
        .. Page("/problems/{Id:int}", Readers, posts: Planners),
        .. Page("/problems/{Id:int}/edit", Planners, posts: Planners),
        .. Page("/problems/{ProblemId:int}/causes/{CauseId:int}", Planners, posts: Planners),
        .. Page("/problems/{ProblemId:int}/goals/{GoalId:int}", Planners, posts: Planners),
        new("GET", "/api/problems/{id:int}/root-cause.docx", Readers),

        // Action plans, follow-up and effect evaluations.
        new("GET", "/api/plans", Readers),
        new("GET", "/api/plans/{id:int}", Readers),
        new("GET", "/api/plans/{id:int}/versions", Readers),
        new("GET", "/api/plans/{id:int}/versions/{number:int}", Readers),
        new("GET", "/api/plans/{id:int}/tertial-report.docx", Readers),
        new("GET", "/api/plans/tertial-report.docx", Readers),
        new("GET", "/api/measures", Readers),
        new("GET", "/api/reminders", Readers),
        new("GET", "/api/measures/{id:int}/evaluations", Readers),
        new("GET", "/api/measures/{id:int}/evaluation-suggestion", Readers),
        new("GET", "/api/evaluations/{id:int}", Readers),
        .. Page("/plans", Readers),
        .. Page("/plans/{Id:int}", Readers, posts: PlannersAndOwners,
            owner: "Uppföljning av en åtgärd: Samordnare, Administratör och den ansvariga organisationen eller en under den; övriga formulär bara planerare."),
        .. Page("/plans/{Id:int}/versions", Readers),
        .. Page("/plans/{PlanId:int}/measures/{Id:int}", Planners, posts: Planners),
        .. Page("/measures/{MeasureId:int}/evaluation", Readers, posts: Planners),

        // Samverkan: everyone reading shared work sees it, the coordinator keeps the register.
        new("GET", "/api/organisations", Readers),
        new("GET", "/api/groups", Readers),
        new("GET", "/api/tasks", Readers),
        new("GET", "/api/agreements", Readers),
        new("GET", "/api/steering-documents", Readers),
        new("GET", "/api/investments", Readers),
        new("GET", "/api/serious-talks", Readers),
        new("GET", "/api/compliance", Readers),
        .. Page("/collaboration", Readers),
        .. Page("/compliance", Readers),
        .. Page("/organisations", Readers),
        .. Page("/organisations/{Id:int}", Readers, posts: Coordinators),
        .. Page("/groups", Readers, posts: Coordinators),
        .. Page("/groups/{Id:int}", Readers, posts: Coordinators),
        .. Page("/agreements", Readers, posts: Coordinators),
        .. Page("/agreements/{Id:int}", Readers, posts: Coordinators),
        .. Page("/steering-documents", Readers, posts: Coordinators),
        .. Page("/investments", Readers, posts: Coordinators),
        .. Page("/serious-talks", Readers, posts: Coordinators),

        // Residents' reports: residents report and follow their report through its secret link; moderators answer.
        new("GET", "/api/citizen-reports/public", Who.Anyone),
        new("GET", "/api/citizen-reports/nearby", Who.Anyone),
        new("GET", "/report/{followKey}/photo", Who.Anyone, Owner: "Bara den som har rapportens hemliga uppföljningslänk."),
        new("GET", "/moderation/{id:long}/photo", Moderators, Owner: Moderated),
        .. Page("/report", Who.Anyone, posts: Who.Anyone),
        .. Page("/report/{FollowKey}", Who.Anyone, posts: Who.Anyone, owner: "Bara den som har rapportens hemliga uppföljningslänk."),
        .. Page("/report/watch/{WatchToken}", Who.Anyone, posts: Who.Anyone, owner: "Bara den som har lagt till sig på rapporten och fått länken; den öppnar inte rapporten igen."),
        .. Page("/rapporter", Who.Anyone),
        .. Page("/moderation", Moderators, owner: Moderated),
        .. Page("/moderation/{Id:long}", Moderators, posts: Moderators, owner: Moderated),
        .. Page("/moderation/response-times", Readers),
        new("GET", "/open311/v2/discovery.{format}", Who.Anyone),
        new("GET", "/open311/v2/services.{format}", Who.Anyone),
        new("GET", "/open311/v2/services/{service_code}.{format}", Who.Anyone),
        new("POST", "/open311/v2/requests.{format}", Who.Anyone, Owner: "Bara med en giltig api_key; annars 403 enligt GeoReport v2."),
        new("GET", "/open311/v2/requests.{format}", Who.Anyone),
        new("GET", "/open311/v2/requests/{service_request_id}.{format}", Who.Anyone),
        new("GET", "/open311/v2/tokens/{token}.{format}", Who.Anyone),
        new(AccessRule.AnyMethod, "/open311/v2/{**path}", Who.Anyone), // Open311's own 404 for any other address

        // Field reports (EST) and safety walks: reporters file and see their own; the weekly meeting acts on them.
        .. Page("/field/new", FieldReporters, posts: FieldReporters),
        .. Page("/field/mine", FieldReporters),
        .. Page("/field/week", Readers, posts: WeeklyMeeting),
        .. Page("/walks", Readers, posts: WeeklyMeeting),
        .. Page("/walks/{Id:int}", Readers, posts: WeeklyMeeting, owner: "En punkt blir åtgärd eller felanmälan bara genom Samordnare och Administratör."),
        .. Page("/walks/{Id:int}/report", Readers),
        new("GET", "/api/walks/photos/{id:long}", Readers),
    ];

    private readonly FrozenDictionary<(string Method, string Route), AccessRule> rules;

    public AccessMatrix(IEnumerable<AccessRule> rules)
    {
        this.rules = rules.ToFrozenDictionary(r => (r.Method, AccessRule.Normalise(r.Route)));
    }

    /// <summary>The line for a request to an endpoint; null when the matrix has none, which closes the endpoint.</summary>
    public AccessRule? Find(string method, RouteEndpoint endpoint)
    {
        var route = RouteOf(endpoint);
        return rules.GetValueOrDefault((HttpMethods.IsHead(method) ? HttpMethods.Get : method, route)) ?? rules.GetValueOrDefault((AccessRule.AnyMethod, route));
    }

    /// <summary>Whether the matrix lets the person make this request: for pages that show a form only to those who may post it.</summary>
    public bool Allows(ClaimsPrincipal user, string method, string route) =>
        rules.TryGetValue((method, AccessRule.Normalise(route)), out var rule) && rule.Who.Allows(user);

    /// <summary>The route an endpoint is known by in the matrix: its pattern, or <see cref="AccessRule.StaticAssets"/> for a static file.</summary>
    public static string RouteOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            ? AccessRule.StaticAssets
            : AccessRule.Normalise(endpoint.RoutePattern.RawText ?? "/");

    /// <summary>A page answers GET with its HTML and POST with its forms.</summary>
    private static IEnumerable<AccessRule> Page(string route, Who opens, Who? posts = null, string? owner = null) =>
        [new("GET", route, opens, owner), new("POST", route, posts ?? Who.Nobody, owner)];
}
