using Microsoft.EntityFrameworkCore;
using Trygg.Data;

namespace Trygg.Collaboration;

/// <summary>
/// The demo's samverkan for Järva, from the seeds: the Järva strategy's two district committees (Rinkeby-Kista and
/// Spånga-Tensta, Järva since July 2023), its local steering group with the local police chief, a preparatory group and a
/// time-limited working group on Rinkeby torg; the city–police agreement (from 1 January 2024, until further notice) with its
/// five prioritised areas; the trygghetsprogram's responsibilities; steering documents; two safety investments and a year
/// of serious-talk counts. Goals, dates of meetings, counts, costs and people are invented and say so. Written through the
/// same rules as everything else, once. The coordinating function is left unnamed, so the law's dashboard has something to show.
/// </summary>
public sealed class DemoGovernance(AppDbContext db, Governance governance, SeriousTalks talks)
{
    public const string SteeringGroup = "Lokal styrgrupp Järva";

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Groups.AnyAsync(g => g.Name == SteeringGroup, cancellationToken))
        {
            return false;
        }

        async Task<int> OrganisationAsync(string name, OrganisationKind kind, string? areaCode = null)
        {
            if (await db.Organisations.Where(o => o.Name == name).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken) is { } id)
            {
                return id;
            }

            var (organisation, errors) = await governance.AddOrganisationAsync(name, kind, null, cancellationToken);
            Check(errors);
            if (areaCode is not null)
            {
                organisation!.AreaId = await db.Areas.Where(a => a.Code == areaCode).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return organisation!.Id;
        }

        var rinkebyKista = await OrganisationAsync("Rinkeby-Kista stadsdelsnämnd (till juni 2023)", OrganisationKind.DistrictCommittee, "0180-so2020-rinkeby-kista");
        var spangaTensta = await OrganisationAsync("Spånga-Tensta stadsdelsnämnd (till juni 2023)", OrganisationKind.DistrictCommittee, "0180-so2020-spanga-tensta");
        var jarva = await OrganisationAsync("Järva stadsdelsnämnd", OrganisationKind.DistrictCommittee);
        var police = await OrganisationAsync("Lokalpolisområde Järva", OrganisationKind.PoliceArea);
        var region = await OrganisationAsync("Polisregion Stockholm", OrganisationKind.PoliceRegion);
        var city = await OrganisationAsync("Kommunstyrelsen", OrganisationKind.ExecutiveBoard);
        var traffic = await OrganisationAsync("Trafiknämnden", OrganisationKind.SpecialistCommittee);
        var social = await OrganisationAsync("Socialnämnden", OrganisationKind.SpecialistCommittee);
        var owner = await OrganisationAsync("Fastighetsägare vid Rinkeby torg (exempel)", OrganisationKind.PropertyOwner);

        // The trygghetsprogram 2024–2027 (seed 002): the traffic committee answers for the public environment and urban development.
        Check(await governance.UpdateOrganisationAsync(traffic, new OrganisationInput(OrganisationKind.SpecialistCommittee, null, "", "", "", false, new Dictionary<int, string>
        {
            [3] = "Trygga och trivsamma offentliga miljöer: belysning, röjning, trygghetsinvesteringar och dialog via Tyck till.",
            [4] = "Ett brottsförebyggande perspektiv i planering och byggande av gator, torg och parker.",
        }), cancellationToken));
        Check(await governance.UpdateOrganisationAsync(social, new OrganisationInput(OrganisationKind.SpecialistCommittee, null, "", "", "", false, new Dictionary<int, string>
        {
            [1] = "Stöd till stadsdelsnämnderna i det förebyggande arbetet med barn och unga.",
            [2] = "Strukturerade riskbedömningar och riktade insatser; avhopparverksamhet.",
        }), cancellationToken));

        var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Problems).Include(p => p.Measures)
            .FirstOrDefaultAsync(p => p.Title == ActionPlans.DemoPlan.Title, cancellationToken);
        var problemIds = plan?.Problems.Select(p => p.ProblemId).ToList() ?? [];
        var measureIds = plan?.Measures.Select(m => m.Id).ToList() ?? [];
        var lighting = plan?.Measures.FirstOrDefault(m => m.Title.StartsWith("Ny belysning", StringComparison.Ordinal));

        // The local organisation of the Järva strategy (seed 001, 4.1).
        Check((await governance.AddGroupAsync(new GroupInput(SteeringGroup, GroupKind.Steering,
            "Leder och följer upp trygghetsstrategin för Järva; beslutar om prioriteringar och resurser.", new DateOnly(2020, 6, 1), null,
            [new MemberInput(rinkebyKista, "Stadsdelsdirektör"), new MemberInput(spangaTensta, "Stadsdelsdirektör"), new MemberInput(police, "Lokalpolisområdeschef"),
             new MemberInput(traffic, "Avdelningschef (adjungerad)")], problemIds, []), cancellationToken)).Errors);
        Check((await governance.AddGroupAsync(new GroupInput("Lokal beredningsgrupp Järva", GroupKind.Preparatory,
            "Länk mellan styrgruppen och arbetsgrupperna: bereder ärenden och sammanställer uppföljningen.", new DateOnly(2020, 6, 1), null,
            [new MemberInput(rinkebyKista, "Trygghetssamordnare"), new MemberInput(spangaTensta, "Trygghetssamordnare"), new MemberInput(police, "Kommunpolis")], [], []), cancellationToken)).Errors);
        var (working, errors) = await governance.AddGroupAsync(new GroupInput("Arbetsgrupp Rinkeby torg", GroupKind.Working,
            "Genomför åtgärdsplanen för Rinkeby torg enligt mallen för åtgärdsplan; tidsbegränsat uppdrag.", new DateOnly(2025, 1, 15), new DateOnly(2026, 12, 15),
            [new MemberInput(jarva, "Sammankallande"), new MemberInput(police, "Kommunpolis"), new MemberInput(traffic, "Trafikplanerare"), new MemberInput(owner, "Förvaltare")],
            problemIds, measureIds), cancellationToken);
        Check(errors);
        var (meeting, meetingErrors) = await governance.AddMeetingAsync(working!.Id, new DateOnly(2026, 10, 6),
            "1. Uppföljning tertial 2\n2. Fältarbetet efter pausen\n3. Skötselplanen för torget", "Exempel: minnesanteckningar från ett påhittat möte.", cancellationToken);
        Check(meetingErrors);
        Check((await governance.AddDecisionAsync(meeting!.Id, new DecisionInput("Fältarbetet återupptas när de två nya fältassistenterna har börjat.",
            plan?.Measures.FirstOrDefault(m => m.Title.StartsWith("Uppsökande", StringComparison.Ordinal))?.Id,
            "Rekrytera två fältassistenter", jarva, new DateOnly(2026, 12, 1)), cancellationToken)).Errors);

        // The city-wide agreement with the police (seed 003) and a citizen promise.
        var (agreement, agreementErrors) = await governance.AddAgreementAsync(new AgreementInput(AgreementKind.Collaboration,
            "Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm", new DateOnly(2024, 1, 1), null, [city, region],
            new Dictionary<int, string>
            {
                [1] = "Exempel: fler unga i riskzon nås av samordnade insatser.",
                [2] = "Exempel: minskad brottslighet och ökad trygghet på de platser parterna prioriterar.",
                [3] = "Exempel: ingen offentlig upphandling eller tillståndsgivning utnyttjas av kriminella.",
                [4] = "Exempel: brottsoffer i särskilt utsatta situationer får stöd utan dröjsmål.",
                [5] = "Exempel: färre rekryteras och fler lämnar kriminella miljöer.",
            }, measureIds, new DateOnly(2026, 12, 1), "Kommundirektören och regionpolischefen",
            "Reviderad överenskommelse som gäller från den 1 januari 2024 och tills vidare; lokala överenskommelser med de sju lokalpolisområdena."), cancellationToken);
        Check(agreementErrors);
        Check((await governance.AddAgreementAsync(new AgreementInput(AgreementKind.CitizenPromise, "Medborgarlöfte Järva 2026 (exempel)",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [jarva, police], new Dictionary<int, string>(), [], null, "Lokalpolisområdeschefen och stadsdelsdirektören",
            "Vi ska vara synliga på Rinkeby torg och vid Tensta centrum kvällstid och ta emot boendes synpunkter vid en trygghetsvandring varje tertial."), cancellationToken)).Errors);

        Check((await governance.AddSteeringDocumentAsync(new SteeringDocumentInput("Stockholms stads trygghetsprogram 2024–2027", SteeringDocumentKind.Program,
            new DateOnly(2024, 1, 1), new DateOnly(2027, 12, 31), city, null, plan is null ? [] : [plan.Id], [agreement!.Id]), cancellationToken)).Errors);
        Check((await governance.AddSteeringDocumentAsync(new SteeringDocumentInput("Trygghetsstrategi Järva 2020–2025", SteeringDocumentKind.Strategy,
            new DateOnly(2020, 6, 1), new DateOnly(2025, 12, 31), jarva, null, plan is null ? [] : [plan.Id], []), cancellationToken)).Errors);

        // Two safety investments; costs invented.
        var evaluation = lighting is null ? null : await db.EffectEvaluations.Where(e => e.MeasureId == lighting.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        Check((await governance.AddInvestmentAsync(new InvestmentInput("Ny belysning i passagerna vid Rinkeby torg (exempel)", InvestmentCategory.Lighting, 59.3884, 17.9287, 850_000,
            new DateOnly(2025, 3, 1), new DateOnly(2025, 10, 31), traffic, "Exempel: kvinnor och flickor pekade ut passagerna som otrygga vid trygghetsvandringen; de tillfrågades särskilt.",
            lighting?.Id, evaluation), cancellationToken)).Errors);
        Check((await governance.AddInvestmentAsync(new InvestmentInput("Upprustning av torgytan vid Tensta centrum (exempel)", InvestmentCategory.SquareRenovation, 59.3944, 17.9003, 2_400_000,
            new DateOnly(2025, 5, 1), new DateOnly(2026, 6, 30), traffic, "Exempel: sittplatser och belysning placerade efter dialog med unga tjejer i området."), cancellationToken)).Errors);

        // A year of serious talks within 48 hours, invented counts: the share rises after the routine was set up.
        int[] suspects = [9, 7, 11, 8, 10, 6, 5, 9, 12, 8, 7, 10];
        int[] within = [3, 3, 4, 4, 5, 3, 3, 6, 8, 6, 5, 8];
        for (var i = 0; i < suspects.Length; i++)
        {
            Check(await talks.ReportAsync(new SeriousTalkInput(jarva, new DateOnly(2025, 11, 1).AddMonths(i), suspects[i], Math.Min(suspects[i], within[i] + 1), within[i],
                "Exempel: påhittade antal."), "demodata", cancellationToken));
        }

        return true;
    }

    private static void Check(IReadOnlyDictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", errors.Values));
        }
    }
}
