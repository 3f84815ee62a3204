using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.ActionPlans;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Problems;
using Trygg.Security;

namespace Trygg.Tests.ActionPlans;

[Collection(DemoApp.Name)]
public sealed class FollowUpRemindersTests(TryggApp app)
{
    private const string Outreach = "Uppsökande fältarbete och kontakt inom 48 timmar med unga som påträffas";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnlyMeasuresRunningInTheTertialWithoutAReportAreRemindedGroupedByTheirOrganisation()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var first = await OrganisationAsync(scope, "Påminnelsenämnden");
        var second = await OrganisationAsync(scope, "Påminnelsebolaget");
        var (plan, measures) = await PlanAsync(scope, "Påminnelseplanen",
            ("Rapporterad", first, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            ("Inte rapporterad", first, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            ("Genomförd", first, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            ("Inställd", first, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            ("Börjar i september", first, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)),
            ("Slutade förra året", first, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            ("Bolagets åtgärd", second, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)),
            ("Utan ansvarig", null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Empty(await plans.ReportAsync(measures["Rapporterad"], "2026-T2", MeasureStatus.Ongoing, "Enligt plan.", "test", Token));
        Assert.Empty(await plans.ReportAsync(measures["Genomförd"], "2026-T1", MeasureStatus.Done, "Klar.", "test", Token));
        Assert.Empty(await plans.ReportAsync(measures["Inställd"], "2026-T1", MeasureStatus.Cancelled, "Ingen budget.", "test", Token));

        var groups = await scope.ServiceProvider.GetRequiredService<FollowUpReminders>().ForAsync(new Tertial(2026, 2), Token);

        Assert.Equal([new Reminder(measures["Inte rapporterad"], "Inte rapporterad", plan, "Påminnelseplanen", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))],
            groups.Single(g => g.OrganisationId == first).Measures);
        Assert.Equal(["Bolagets åtgärd"], groups.Single(g => g.OrganisationId == second).Measures.Select(m => m.Measure));
        var nobody = groups.Single(g => g.OrganisationId is null);
        Assert.Equal("Ingen ansvarig", nobody.Organisation);
        Assert.Contains(nobody.Measures, m => m.MeasureId == measures["Utan ansvarig"] && m.Plan == "Påminnelseplanen");
        Assert.Null(groups[^1].OrganisationId); // the measures nobody answers for come last, for the coordinator
    }

    [Fact]
    public async Task APersonOfJarvaSeesJarvasMeasuresToFollowUpAndNotAnotherOrganisationsWhileTheCoordinatorSeesEveryOrganisationWithItsCount()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var traffic = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == "Trafiknämnden").Select(o => o.Id).SingleAsync(Token);
        var jarva = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == "Järva stadsdelsnämnd").Select(o => o.Id).SingleAsync(Token);
        await PlanAsync(scope, "Trafikplanen",
            ("Snöröjning av gångvägar till tunnelbanan", traffic, new DateOnly(2026, 9, 1), new DateOnly(2027, 3, 31)));
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync("jarva.medarbetare@test.trygg.se", Roles.Staff, TryggApp.UserPassword, jarva)).Errors);
        using var person = app.CreateBrowserlikeClient();
        await TryggApp.SignInAsync(person, "jarva.medarbetare@test.trygg.se", TryggApp.UserPassword);
        using var coordinator = await app.SignedInClientAsync(Roles.Coordinator);

        var personsPage = WebUtility.HtmlDecode(await person.GetStringAsync("/plans", Token));
        var coordinatorsPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/plans", Token));

        Assert.Contains("Att följa upp 2026-T3", personsPage, StringComparison.Ordinal);
        Assert.Contains(Outreach, personsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Snöröjning av gångvägar till tunnelbanan", personsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ej uppföljda", personsPage, StringComparison.Ordinal);
        Assert.Matches($"<tr data-organisation=\"{traffic}\">\\s*<td>Trafiknämnden</td>\\s*<td class=\"number\">1</td>\\s*<td>\\s*<a [^>]+>Snöröjning av gångvägar till tunnelbanan</a>", coordinatorsPage);
        Assert.Contains($"<tr data-organisation=\"{jarva}\">", coordinatorsPage, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/plans/tertial-report.docx?tertial=2026-T3\"", coordinatorsPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiGivesTheMeasuresNotFollowedUpPerOrganisation()
    {
        using var client = await app.SignedInClientAsync(Roles.Reader);
        var planId = await TertialReportDocxTests.DemoPlanIdAsync(client);

        var reminders = await client.GetFromJsonAsync<JsonElement>("/api/reminders?tertial=2026-t2", Token);

        Assert.Equal("2026-T2", reminders.GetProperty("tertial").GetString());
        var groups = reminders.GetProperty("organisations").EnumerateArray().ToList();
        Assert.Equal(reminders.GetProperty("count").GetInt32(), groups.Sum(g => g.GetProperty("measures").GetArrayLength()));
        var jarva = groups.Single(g => g.GetProperty("organisation").GetString() == "Järva stadsdelsnämnd").GetProperty("measures").EnumerateArray().ToList();
        var outreach = jarva.Single(m => m.GetProperty("measure").GetString() == Outreach);
        Assert.Equal((planId, Trygg.ActionPlans.DemoPlan.Title, "2025-01-01"), (outreach.GetProperty("planId").GetInt32(), outreach.GetProperty("plan").GetString(), outreach.GetProperty("start").GetString()));
        Assert.Contains(jarva, m => m.GetProperty("measure").GetString() == "Platssamverkan för torget med fastighetsägare och handlare");
        Assert.DoesNotContain(groups, g => g.GetProperty("organisation").GetString() == "Trafiknämnden"
            && g.GetProperty("measures").EnumerateArray().Any(m => m.GetProperty("planId").GetInt32() == planId)); // the lighting was done in 2025
    }

    private static async Task<int> OrganisationAsync(AsyncServiceScope scope, string name)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = new Organisation { Name = name, Kind = OrganisationKind.SpecialistCommittee };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Token);
        return organisation.Id;
    }

    /// <summary>A plan of its own for a problem of its own, with the measures (title, responsible organisation, dates); returns its id and the measures' ids by title.</summary>
    internal static async Task<(int Plan, Dictionary<string, int> Measures)> PlanAsync(AsyncServiceScope scope, string title, params (string Title, int? Organisation, DateOnly Start, DateOnly End)[] measures)
    {
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var plans = scope.ServiceProvider.GetRequiredService<Trygg.ActionPlans.ActionPlans>();
        var problem = new Problem { Title = $"Problem för {title}", CreatedBy = "test" };
        db.Problems.Add(problem);
        await db.SaveChangesAsync(Token);
        var (plan, _) = await plans.CreatePlanAsync(title, null, [problem.Id], Token);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (measureTitle, organisation, start, end) in measures)
        {
            var (measure, errors) = await plans.SaveMeasureAsync(plan!.Id, null, null, new MeasureInput(measureTitle, start, end, [], ResponsibleOrganisationId: organisation), Token);
            Assert.Empty(errors);
            ids[measureTitle] = measure!.Id;
        }

        return (plan!.Id, ids);
    }
}
