using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Trygg.Collaboration;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Web.Security;

namespace Trygg.Web.Collaboration;

/// <summary>Samverkan as JSON: organisations, groups with their meetings, decisions and tasks, agreements, steering documents, safety investments, serious talks and the law's checklist.</summary>
public static class CollaborationApi
{
    public static IEndpointRouteBuilder MapCollaborationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("Samverkan").RequireAuthorization(SecurityServices.ReadWorkPolicy);
        api.MapGet("/organisations", OrganisationsAsync).WithSummary("Organisationerna med samordnare (personalens kontaktuppgifter) och ansvar per fokusområde.");
        api.MapGet("/groups", GroupsAsync).WithSummary("Grupperna med medlemmar, kopplade problem och åtgärder, möten, beslut och uppgifter.");
        api.MapGet("/tasks", TasksAsync).WithSummary("Uppgifter från besluten, de försenade först; för en organisation och dem under den (organisation=id), bara öppna med open=true.");
        api.MapGet("/agreements", AgreementsAsync).WithSummary("Samverkansöverenskommelser och medborgarlöften med parter, giltighet (validTo null = tills vidare), mål per prioriterat område och påminnelser.");
        api.MapGet("/steering-documents", SteeringDocumentsAsync).WithSummary("Styrdokumenten med giltighet, ägare och de planer och överenskommelser som genomför dem.");
        api.MapGet("/investments", InvestmentsAsync).WithSummary("Trygghetsinvesteringarna med plats och stadsdel, och kostnaden summerad per år, stadsdel och kategori.");
        api.MapGet("/serious-talks", SeriousTalksAsync).WithSummary("En stadsdelsnämnds månader av allvarssamtal (organisation=id): antal, andel inom 48 timmar och trenden (Mann–Kendall).");
        api.MapGet("/compliance", ComplianceAsync).WithSummary("Lagens (2023:196) punkter för ett år (year=2026, standard i år): uppfyllt bara när underlaget finns, med länk.");
        return endpoints;
    }

    private static async Task<Ok<List<OrganisationJson>>> OrganisationsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var focusAreas = await db.FocusAreas.AsNoTracking().ToDictionaryAsync(f => f.Number, f => f.Name, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Responsibilities).Include(o => o.Area).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(organisations.OrderBy(o => o.Name, AreaDirectory.SwedishOrder).Select(o => new OrganisationJson(
            o.Id, o.Name, o.Kind.ToString(), o.ParentId, o.Area?.Code,
            o.CoordinatorName.Length == 0 ? null : new CoordinatorJson(o.CoordinatorName, o.CoordinatorRole, o.CoordinatorEmail), o.IsCoordinatingFunction,
            o.Responsibilities.OrderBy(r => r.FocusAreaNumber).Select(r => new ResponsibilityJson(r.FocusAreaNumber, focusAreas.GetValueOrDefault(r.FocusAreaNumber, ""), r.Text)).ToList())).ToList());
    }

    private static async Task<Ok<List<GroupJson>>> GroupsAsync(AppDbContext db, Governance governance, CancellationToken cancellationToken)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var ending = (await governance.EndingGroupsAsync(cancellationToken)).Select(g => g.Id).ToHashSet();
        var meetings = (await governance.MeetingsAsync(null, cancellationToken)).ToLookup(m => m.GroupId);
        var groups = await db.Groups.AsNoTracking().Include(g => g.Members).Include(g => g.Links).AsSplitQuery().OrderBy(g => g.Kind).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(groups.Select(g => new GroupJson(
            g.Id, g.Name, g.Kind.ToString(), g.Mandate, g.Start, g.End, ending.Contains(g.Id),
            g.Members.OrderBy(m => m.Id).Select(m => new MemberJson(m.OrganisationId, names.GetValueOrDefault(m.OrganisationId, ""), m.Role, m.PersonName.Length == 0 ? null : m.PersonName)).ToList(),
            g.Links.Where(l => l.ProblemId is not null).Select(l => l.ProblemId!.Value).Order().ToList(),
            g.Links.Where(l => l.MeasureId is not null).Select(l => l.MeasureId!.Value).Order().ToList(),
            meetings[g.Id].Select(m => new MeetingJson(m.Id, m.Date, m.Agenda, m.Notes, m.Decisions.OrderBy(d => d.Id).Select(d => new DecisionJson(
                d.Id, d.Text, d.MeasureId, d.Tasks.OrderBy(t => t.Id).Select(t => TaskJson.Of(t, names)).ToList())).ToList())).ToList())).ToList());
    }

    private static async Task<Results<Ok<List<TaskJson>>, ValidationProblem>> TasksAsync(int? organisation, bool? open, AppDbContext db, Governance governance, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        if (organisation is { } id && organisations.All(o => o.Id != id))
        {
            return Invalid("organisation", $"Organisationen {id} finns inte.");
        }

        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        IEnumerable<WorkTask> tasks = open == true
            ? await governance.OpenTasksAsync(organisation, cancellationToken)
            : (await db.Tasks.AsNoTracking().OrderBy(t => t.DueDate).ThenBy(t => t.Id).ToListAsync(cancellationToken))
                .Where(t => organisation is null || OrganisationRules.ActsFor(organisation, t.OwnerOrganisationId, organisations));
        return TypedResults.Ok(tasks.Select(t => TaskJson.Of(t, names)).ToList());
    }

    private static async Task<Ok<List<AgreementJson>>> AgreementsAsync(AppDbContext db, Governance governance, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = SwedishTime.Today(time);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var areas = await db.PriorityAreas.AsNoTracking().ToDictionaryAsync(p => p.Number, p => p.Name, cancellationToken);
        var reminders = (await governance.AgreementRemindersAsync(cancellationToken)).ToDictionary(r => r.Agreement.Id, r => r.Due);
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Goals).Include(a => a.Measures).AsSplitQuery()
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(agreements.Select(a => new AgreementJson(
            a.Id, a.Kind.ToString(), a.Title, a.Signatories, a.ValidFrom, a.ValidTo, a.ReviewOn, a.IsInForce(today), a.Text, a.FollowUp,
            a.Parties.OrderBy(p => p.OrganisationId).Select(p => new PartyJson(p.OrganisationId, names.GetValueOrDefault(p.OrganisationId, ""))).ToList(),
            a.Goals.OrderBy(g => g.PriorityAreaNumber).Select(g => new GoalJson(g.PriorityAreaNumber, areas.GetValueOrDefault(g.PriorityAreaNumber, ""), g.Goal)).ToList(),
            a.Measures.Select(m => m.MeasureId).Order().ToList(), reminders.GetValueOrDefault(a.Id))).ToList());
    }

    private static async Task<Ok<List<SteeringDocumentJson>>> SteeringDocumentsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var documents = await db.SteeringDocuments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(documents.Select(d => new SteeringDocumentJson(
            d.Id, d.Title, d.Kind.ToString(), d.ValidFrom, d.ValidTo, d.OwnerOrganisationId, d.OwnerOrganisationId is { } owner ? names.GetValueOrDefault(owner) : null,
            d.Link.Length == 0 ? null : d.Link, CollaborationFormat.Ids(d.ActionPlanIds), CollaborationFormat.Ids(d.AgreementIds))).ToList());
    }

    private static async Task<Ok<InvestmentsJson>> InvestmentsAsync(AppDbContext db, Governance governance, CancellationToken cancellationToken)
    {
        var areas = await AreaDirectory.LoadAsync(db, cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var investments = await db.SafetyInvestments.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var totals = await governance.InvestmentTotalsAsync(cancellationToken);
        string AreaName(string code) => areas.Find(code)?.Name ?? code;
        return TypedResults.Ok(new InvestmentsJson(
            investments.Select(i => new InvestmentJson(i.Id, i.Title, i.Category.ToString(), i.Latitude, i.Longitude, i.AreaCode, AreaName(i.AreaCode), i.CostSek, i.Start, i.End,
                i.ResponsibleOrganisationId, i.ResponsibleOrganisationId is { } owner ? names.GetValueOrDefault(owner) : null, i.GenderAssessment, i.MeasureId, i.EffectEvaluationId)).ToList(),
            new InvestmentTotalsJson(investments.Sum(i => i.CostSek),
                totals.ByYear.Select(t => new YearTotalJson(t.Key, t.Value)).ToList(),
                totals.ByArea.Select(t => new AreaTotalJson(t.Key, AreaName(t.Key), t.Value)).ToList(),
                totals.ByCategory.Select(t => new CategoryTotalJson(t.Key.ToString(), t.Value)).ToList())));
    }

    private static async Task<Results<Ok<SeriousTalksJson>, ValidationProblem>> SeriousTalksAsync(int? organisation, AppDbContext db, SeriousTalks talks, CancellationToken cancellationToken)
    {
        var district = organisation is { } id ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) : null;
        if (district?.Kind != OrganisationKind.DistrictCommittee)
        {
            return Invalid("organisation", organisation is null ? "Ange stadsdelsnämnden: organisation=id." : $"Organisation {organisation} är ingen stadsdelsnämnd.");
        }

        var series = await talks.SeriesAsync(district.Id, cancellationToken);
        var trend = series.Trend is { } t
            ? new TrendJson(t.S, t.Tau, t.P, t.P >= 0.05 ? "ingen tydlig trend" : t.S > 0 ? "stigande" : "sjunkande")
            : null;
        return TypedResults.Ok(new SeriousTalksJson(district.Id, district.Name,
            series.Months.Select(m => new SeriousTalkMonthJson(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.FirstTimeSuspects, m.TalksHeld, m.TalksWithin48Hours,
                Trygg.Collaboration.SeriousTalks.Share(m), m.Comment)).ToList(), trend));
    }

    private static async Task<Results<Ok<ComplianceJson>, ValidationProblem>> ComplianceAsync(int? year, Compliance compliance, TimeProvider time, CancellationToken cancellationToken)
    {
        var thisYear = SwedishTime.Today(time).Year;
        var asked = year ?? thisYear;
        if (asked < 2023 || asked > thisYear)
        {
            return Invalid("year", asked < 2023 ? "Lagen (2023:196) gäller från 2023: ange ett år från 2023." : $"Året {asked} har inte börjat: ange ett år till och med {thisYear}.");
        }

        var items = await compliance.CheckAsync(asked, cancellationToken);
        return TypedResults.Ok(new ComplianceJson(asked, items.Count(i => i.Green), items.Select(i => new ComplianceItemJson(i.Key.ToString(), i.Green, i.Evidence, i.Link, i.Remedy)).ToList()));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Felaktiga parametrar");
}

public sealed record CoordinatorJson(string Name, string Role, string Email);

public sealed record ResponsibilityJson(int FocusArea, string FocusAreaName, string Text);

public sealed record OrganisationJson(int Id, string Name, string Kind, int? ParentId, string? AreaCode, CoordinatorJson? Coordinator, bool IsCoordinatingFunction,
    List<ResponsibilityJson> Responsibilities);

public sealed record MemberJson(int OrganisationId, string Organisation, string Role, string? Person);

public sealed record TaskJson(int Id, int DecisionId, string Title, int OwnerOrganisationId, string Owner, DateOnly DueDate, DateOnly? DoneOn, string Comment)
{
    public static TaskJson Of(WorkTask task, IReadOnlyDictionary<int, string> names) =>
        new(task.Id, task.DecisionId, task.Title, task.OwnerOrganisationId, names.GetValueOrDefault(task.OwnerOrganisationId, ""), task.DueDate, task.DoneOn, task.Comment);
}

public sealed record DecisionJson(int Id, string Text, int? MeasureId, List<TaskJson> Tasks);

public sealed record MeetingJson(int Id, DateOnly Date, string Agenda, string Notes, List<DecisionJson> Decisions);

public sealed record GroupJson(int Id, string Name, string Kind, string Mandate, DateOnly Start, DateOnly? End, bool EndingSoon, List<MemberJson> Members,
    List<int> ProblemIds, List<int> MeasureIds, List<MeetingJson> Meetings);

public sealed record PartyJson(int Id, string Name);

public sealed record GoalJson(int PriorityArea, string PriorityAreaName, string Goal);

public sealed record AgreementJson(int Id, string Kind, string Title, string Signatories, DateOnly ValidFrom, DateOnly? ValidTo, DateOnly? ReviewOn, bool InForce,
    string Text, string FollowUp, List<PartyJson> Parties, List<GoalJson> Goals, List<int> MeasureIds, string? Reminder);

public sealed record SteeringDocumentJson(int Id, string Title, string Kind, DateOnly ValidFrom, DateOnly ValidTo, int? OwnerOrganisationId, string? Owner, string? Link,
    IReadOnlyList<int> ActionPlanIds, IReadOnlyList<int> AgreementIds);

public sealed record InvestmentJson(int Id, string Title, string Category, double Latitude, double Longitude, string AreaCode, string AreaName, decimal CostSek,
    DateOnly Start, DateOnly End, int? ResponsibleOrganisationId, string? ResponsibleOrganisation, string GenderAssessment, int? MeasureId, int? EffectEvaluationId);

public sealed record YearTotalJson(int Year, decimal CostSek);

public sealed record AreaTotalJson(string AreaCode, string AreaName, decimal CostSek);

public sealed record CategoryTotalJson(string Category, decimal CostSek);

public sealed record InvestmentTotalsJson(decimal CostSek, List<YearTotalJson> ByYear, List<AreaTotalJson> ByArea, List<CategoryTotalJson> ByCategory);

public sealed record InvestmentsJson(List<InvestmentJson> Investments, InvestmentTotalsJson Totals);

public sealed record TrendJson(long S, double Tau, double P, string Direction);

public sealed record SeriousTalkMonthJson(string Month, int FirstTimeSuspects, int TalksHeld, int TalksWithin48Hours, double? Share, string Comment);

public sealed record SeriousTalksJson(int OrganisationId, string Organisation, List<SeriousTalkMonthJson> Months, TrendJson? Trend);

public sealed record ComplianceItemJson(string Key, bool Green, string Evidence, string Link, string? Remedy);

public sealed record ComplianceJson(int Year, int Green, List<ComplianceItemJson> Items);
