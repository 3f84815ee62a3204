using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Collaboration;
using Trygg.Data;

namespace Trygg.Tests.Collaboration;

[Collection(DemoApp.Name)]
public sealed class GovernanceTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDemoHoldsJarvasStructureFromTheSeeds()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var steering = await db.Groups.AsNoTracking().Include(g => g.Members).SingleAsync(g => g.Name == DemoGovernance.SteeringGroup, Token);
        var members = await db.Organisations.Where(o => steering.Members.Select(m => m.OrganisationId).Contains(o.Id)).Select(o => o.Name).ToListAsync(Token);
        Assert.Contains("Lokalpolisområde Järva", members);
        Assert.Equal(2, await db.Organisations.CountAsync(o => members.Contains(o.Name) && o.Kind == OrganisationKind.DistrictCommittee, Token));
        Assert.True(await db.Groups.AnyAsync(g => g.Kind == GroupKind.Working && g.End != null, Token));

        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Goals).SingleAsync(a => a.Title.StartsWith("Övergripande samverkansöverenskommelse"), Token);
        Assert.Equal([1, 2, 3, 4, 5], agreement.Goals.Select(g => g.PriorityAreaNumber).Order());
        Assert.Null(agreement.ValidTo); // tills vidare
        Assert.Equal(2, await db.SafetyInvestments.CountAsync(i => i.Title.EndsWith("(exempel)"), Token));
        Assert.Equal("0180-sd-rinkeby", (await db.SafetyInvestments.SingleAsync(i => i.Title.StartsWith("Ny belysning"), Token)).AreaCode);
    }

    [Fact]
    public async Task AWorkingGroupNeedsAnEndAndIsWarnedAboutBeforeIt()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var governance = scope.ServiceProvider.GetRequiredService<Governance>();
        var police = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name == "Lokalpolisområde Farsta").Select(o => o.Id).SingleAsync(Token);

        var (_, open) = await governance.AddGroupAsync(new GroupInput("Arbetsgrupp Farsta centrum", GroupKind.Working, "Trygghetsvandringar", new DateOnly(2026, 1, 1), null, [new MemberInput(police, "Kommunpolis")], [], []), Token);
        var (_, empty) = await governance.AddGroupAsync(new GroupInput(" ", GroupKind.Steering, "", new DateOnly(2026, 1, 1), null, [], [], []), Token);
        var (group, none) = await governance.AddGroupAsync(new GroupInput("Arbetsgrupp Farsta centrum", GroupKind.Working, "Trygghetsvandringar", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 20), [new MemberInput(police, "Kommunpolis")], [], []), Token);

        Assert.Equal("En arbetsgrupp är tidsbegränsad: ange när uppdraget slutar.", open["end"]);
        Assert.Equal(["mandate", "members", "name"], empty.Keys.Order());
        Assert.Empty(none);
        Assert.Contains(await governance.EndingGroupsAsync(Token), g => g.Id == group!.Id); // 20 December is within 30 days of 23 November

        // Warned, the group prolongs its mandate; it cannot drop the end a working group must have.
        Assert.Equal("En arbetsgrupp är tidsbegränsad: ange när uppdraget slutar.", (await governance.UpdateGroupAsync(group!.Id, "Trygghetsvandringar", new DateOnly(2026, 1, 1), null, Token))["end"]);
        Assert.Empty(await governance.UpdateGroupAsync(group.Id, "Trygghetsvandringar och uppföljning", new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30), Token));
        Assert.DoesNotContain(await governance.EndingGroupsAsync(Token), g => g.Id == group.Id);
    }

    [Fact]
    public async Task ADecisionGivesATaskThatStaysOpenForItsOrganisationUntilDone()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var governance = scope.ServiceProvider.GetRequiredService<Governance>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (organisation, _) = await governance.AddOrganisationAsync("Brf Exempelgården", OrganisationKind.PropertyOwner, null, Token);
        var group = await db.Groups.Where(g => g.Name == DemoGovernance.SteeringGroup).Select(g => g.Id).SingleAsync(Token);
        var (meeting, _) = await governance.AddMeetingAsync(group, new DateOnly(2026, 11, 10), "Belysning på gården", null, Token);

        var (_, missing) = await governance.AddDecisionAsync(meeting!.Id, new DecisionInput("Gården ska belysas", TaskTitle: "Beställ belysning"), Token);
        Assert.Equal(["taskDue", "taskOwner"], missing.Keys.Order());
        var (decision, errors) = await governance.AddDecisionAsync(meeting.Id, new DecisionInput("Gården ska belysas", TaskTitle: "Beställ belysning", TaskOwnerId: organisation!.Id, TaskDue: new DateOnly(2026, 12, 1)), Token);
        Assert.Empty(errors);

        var task = Assert.Single(await governance.OpenTasksAsync(organisation.Id, Token));
        Assert.Equal(("Beställ belysning", decision!.Id), (task.Title, task.DecisionId));
        Assert.Null(await governance.CompleteTaskAsync(task.Id, "Beställd.", Token));
        Assert.Empty(await governance.OpenTasksAsync(organisation.Id, Token));
        Assert.Equal("Uppgiften är redan klar.", await governance.CompleteTaskAsync(task.Id, null, Token));
    }

    [Fact]
    public async Task AnAgreementNeedsTwoPartiesAndDatesInOrderAndIsRemindedOfBeforeItsReview()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var governance = scope.ServiceProvider.GetRequiredService<Governance>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var parties = await db.Organisations.Where(o => o.Name == "Farsta stadsdelsnämnd" || o.Name == "Lokalpolisområde Farsta").Select(o => o.Id).ToListAsync(Token);

        var (_, wrong) = await governance.AddAgreementAsync(new AgreementInput(AgreementKind.CitizenPromise, "Medborgarlöfte Farsta", new DateOnly(2026, 1, 1), new DateOnly(2025, 12, 31), [parties[0]], new Dictionary<int, string> { [9] = "?" }, []), Token);
        Assert.Equal(["goals", "parties", "text", "validTo"], wrong.Keys.Order());
        Assert.Equal("En överenskommelse har minst två parter.", wrong["parties"]);

        var (promise, errors) = await governance.AddAgreementAsync(new AgreementInput(AgreementKind.CitizenPromise, "Medborgarlöfte Farsta", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), parties,
            new Dictionary<int, string>(), [], ReviewOn: new DateOnly(2026, 12, 10), Text: "Synlig polis vid Farsta centrum fredagskvällar."), Token);
        Assert.Empty(errors);
        Assert.Contains(await governance.AgreementRemindersAsync(Token), r => r.Agreement.Id == promise!.Id && r.Due == "ska revideras 2026-12-10");

        // Revised: the next review moves on and the reminder goes; a follow-up naming a person is refused.
        Assert.Contains("ett personnummer", (await governance.UpdateAgreementAsync(promise!.Id, new DateOnly(2026, 12, 31), null, "Kontakt 19121212-1212", Token))["followUp"], StringComparison.Ordinal);
        Assert.Empty(await governance.UpdateAgreementAsync(promise.Id, new DateOnly(2027, 12, 31), new DateOnly(2027, 6, 1), "Polisen var synlig 38 av 40 fredagar.", Token));
        Assert.DoesNotContain(await governance.AgreementRemindersAsync(Token), r => r.Agreement.Id == promise.Id);
    }

    [Fact]
    public async Task ASafetyInvestmentIsPlacedInItsStadsdelAndSummedByYearAreaAndCategory()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var governance = scope.ServiceProvider.GetRequiredService<Governance>();
        var before = await governance.InvestmentTotalsAsync(Token);

        var (_, outside) = await governance.AddInvestmentAsync(new InvestmentInput("Kameror i Uppsala", InvestmentCategory.Cameras, 59.8586, 17.6389, -5, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), null), Token);
        var (investment, errors) = await governance.AddInvestmentAsync(new InvestmentInput("Kameror vid Skärholmens centrum", InvestmentCategory.Cameras, 59.2768, 17.9070, 1_000_000, new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31), null), Token);
        var after = await governance.InvestmentTotalsAsync(Token);

        Assert.Equal(["cost", "place"], outside.Keys.Order());
        Assert.Empty(errors);
        Assert.Equal("0180-sd-skarholmen", investment!.AreaCode);
        Assert.Equal(1_000_000m, after.ByCategory[InvestmentCategory.Cameras] - before.ByCategory.GetValueOrDefault(InvestmentCategory.Cameras));
        Assert.Equal(1_000_000m, after.ByYear[2026] - before.ByYear.GetValueOrDefault(2026));
        Assert.Equal(1_000_000m, after.ByArea["0180-sd-skarholmen"] - before.ByArea.GetValueOrDefault("0180-sd-skarholmen"));
    }
}
