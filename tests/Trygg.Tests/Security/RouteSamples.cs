using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.CitizenReports;
using Trygg.Data;
using Trygg.FieldReports;
using Trygg.SituationReports;

namespace Trygg.Tests.Security;

/// <summary>
/// Fills a route pattern with values that exist ("/plans/{Id:int}" → "/plans/1"), chosen by the static segment before the
/// parameter, so that an allowed call reaches the handler rather than stopping at 404. The demo data has no lägesbild, safety walk
/// or resident's report, so one of each is added first (with a photo where a route serves one).
/// </summary>
public sealed partial class RouteSamples(IReadOnlyDictionary<string, string> values)
{
    private const string Missing = "999999";

    public static async Task<RouteSamples> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await AddWhatTheDemoLacksAsync(scope.ServiceProvider, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var report = await db.SituationReportSections.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.ReportId, s.Key }).FirstOrDefaultAsync(cancellationToken);
        var problem = await db.Goals.AsNoTracking().Where(g => db.Causes.Any(c => c.ProblemId == g.ProblemId)).OrderBy(g => g.Id)
            .Select(g => new { g.ProblemId, GoalId = g.Id, CauseId = db.Causes.Where(c => c.ProblemId == g.ProblemId).Min(c => c.Id) }).FirstOrDefaultAsync(cancellationToken);
        var measure = await db.Measures.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.ActionPlanId }).FirstOrDefaultAsync(cancellationToken);
        var planId = measure?.ActionPlanId ?? 0;
        var version = await db.ActionPlanVersions.AsNoTracking().Where(v => v.ActionPlanId == planId).Select(v => (int?)v.Number).MinAsync(cancellationToken);
        var citizenReport = await db.CitizenReports.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.FollowKey }).FirstOrDefaultAsync(cancellationToken);

        string Text(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? Missing;

        return new RouteSamples(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["areas/code"] = "0180",
            ["areas/Code"] = "0180-sd-rinkeby",
            ["imports"] = Text(await db.ImportRuns.AsNoTracking().MinAsync(r => (long?)r.Id, cancellationToken)),
            ["reports"] = Text(report?.ReportId),
            ["sections"] = report?.Key ?? "inget-avsnitt",
            ["problems"] = Text(problem?.ProblemId),
            ["causes"] = Text(problem?.CauseId),
            ["goals"] = Text(problem?.GoalId),
            ["plans"] = Text(measure?.ActionPlanId),
            ["versions"] = Text(version),
            ["measures"] = Text(measure?.Id),
            ["evaluations"] = Text(await db.EffectEvaluations.AsNoTracking().MinAsync(e => (int?)e.Id, cancellationToken)),
            ["organisations"] = Text(await db.Organisations.AsNoTracking().MinAsync(o => (int?)o.Id, cancellationToken)),
            ["groups"] = Text(await db.Groups.AsNoTracking().MinAsync(g => (int?)g.Id, cancellationToken)),
            ["agreements"] = Text(await db.Agreements.AsNoTracking().MinAsync(a => (int?)a.Id, cancellationToken)),
            ["walks"] = Text(await db.SafetyWalks.AsNoTracking().MinAsync(w => (int?)w.Id, cancellationToken)),
            ["photos"] = Text(await db.WalkPoints.AsNoTracking().MinAsync(p => p.PhotoId, cancellationToken)),
            ["moderation"] = Text(citizenReport?.Id),
            ["requests"] = Text(citizenReport?.Id),
            ["report"] = citizenReport?.FollowKey ?? "ingen-sadan-lank",
            ["watch"] = citizenReport is null ? "ingen-sadan-lank" : scope.ServiceProvider.GetRequiredService<Trygg.Web.CitizenReports.WatchLinks>().For(citizenReport.Id).Split('/')[^1],
            ["indicators"] = (await db.Indicators.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Code).FirstOrDefaultAsync(cancellationToken)) ?? "ingen-indikator",
            ["services"] = (await db.ReportServices.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Code).FirstOrDefaultAsync(cancellationToken)) ?? "ingen-tjanst",
            ["tokens"] = "ingen-sadan-token",
            ["format"] = "json",
            ["culture"] = "sv",
            ["openapi"] = "v1",
            ["docs"] = "v1",
            ["v2/path"] = "okand.json",
            ["/path"] = "ingen-fil.css",
        });
    }

    private static async Task AddWhatTheDemoLacksAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        const string Title = "Behörighetsprovets exempel";
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.SafetyWalks.AnyAsync(w => w.Title == Title, cancellationToken))
        {
            return;
        }

        var (report, reportErrors) = await services.GetRequiredService<Trygg.SituationReports.SituationReports>()
            .CreateAsync(new NewReport(["0180-so-jarva"], "2025-T2", Title: Title), "behorighet@test", cancellationToken);
        var (walk, walkErrors) = await services.GetRequiredService<SafetyWalks>()
            .PlanAsync(new WalkInput(Title, "0180-sd-rinkeby", new DateOnly(2026, 11, 20), [], "boende"), "behorighet@test", cancellationToken);
        var (_, pointErrors) = await services.GetRequiredService<SafetyWalks>()
            .AddPointAsync(walk?.Id ?? 0, new WalkPointInput(WalkProblem.Lighting, 59.3884, 17.9287, "Släckt lykta", Trygg.Tests.CitizenReports.TestPhoto.Png()), cancellationToken);
        var (_, citizenErrors) = await services.GetRequiredService<Trygg.CitizenReports.CitizenReports>()
            .SubmitAsync(new ReportSubmission("belysning", 59.3884, 17.9287, Description: "Lyktan vid gången är släckt",
                Attributes: new Dictionary<string, string[]> { ["typ"] = ["gatlykta"] }, Photo: Trygg.Tests.CitizenReports.TestPhoto.Png()), cancellationToken: cancellationToken);
        Assert.NotNull(report);
        Assert.Empty(reportErrors.Concat(walkErrors).Concat(pointErrors).Concat(citizenErrors));
    }

    /// <summary>The route with every parameter filled; names the route and parameter when no example fits.</summary>
    public string Fill(string route)
    {
        var segments = route.Split('/');
        return string.Join('/', segments.Select((segment, index) => Parameter().Replace(segment, match =>
        {
            var name = match.Groups["name"].Value;
            var before = segments.Take(index).LastOrDefault(s => !s.Contains('{', StringComparison.Ordinal)) ?? "";
            return values.GetValueOrDefault(name) ?? values.GetValueOrDefault($"{before}/{name}") ?? values.GetValueOrDefault(before)
                ?? throw new InvalidOperationException($"Inget exempel för {{{name}}} i {route}: lägg till ett i RouteSamples.");
        })));
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:[^}?]*)?\??\}")]
    private static partial Regex Parameter();
}
