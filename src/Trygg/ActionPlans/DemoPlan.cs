using Microsoft.EntityFrameworkCore;
using Trygg.Data;
using Trygg.FollowUp;
using Trygg.Problems;

namespace Trygg.ActionPlans;

/// <summary>
/// The demo's worked example, from the Järva strategy (seed 001: drug dealing is a problem of the vulnerable areas; its
/// customers are young people in the sellers' own circle; reach young people in risk within 48 hours): open drug dealing at
/// Rinkeby torg, its orsaksanalys, a plan with situational and social measures, two tertials of follow-up and an effect
/// evaluation of the lighting. Its decisions and diary numbers are invented and say so. Written through the same rules as every other plan, once.
/// </summary>
public sealed class DemoPlan(AppDbContext db, ActionPlans plans, ProblemWork problemWork, Incidents.IncidentStore store, EffectEvaluations evaluations)
{
    public const string Title = "Åtgärdsplan Rinkeby torg 2025–2026 (exempel)";

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ActionPlans.AnyAsync(p => p.Title == Title, cancellationToken))
        {
            return false;
        }

        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        int? Org(string name) => organisations.TryGetValue(name, out var id) ? id : null;
        var (problem, errors) = await problemWork.CreateProblemAsync(new ProblemInput(
            "Öppen narkotikaförsäljning vid Rinkeby torg",
            "Narkotika säljs öppet på och runt torget och i passagerna mot tunnelbanan, mest eftermiddag och kväll. Köparna är ofta unga i säljarnas egen krets; "
            + "boende och handlare undviker platsen. Exempel i demodata, byggt på Järvastrategins beskrivning av narkotikahandeln i utsatta områden.",
            "0180-sd-rinkeby", Priority: 1, PriorityAreas: [1, 2], FocusAreas: [1, 3], Perspectives: ["perspective-children", "perspective-gender"]), "demodata", cancellationToken);
        if (problem is null)
        {
            throw new InvalidOperationException(string.Join(" ", errors.Values));
        }

        var (analysis, analysisErrors) = await problemWork.SaveAnalysisAsync(problem.Id, null, new AnalysisInput(
            Offender: "Unga säljare, ofta i samma krets som köparna; många finansierar ett eget missbruk.",
            Target: "Unga köpare; boende och handlare som blir otrygga.",
            Place: "Torget och passagerna mot tunnelbanan: skymda hörn och svag belysning kvällstid.",
            Handler: "Föräldrar och fältassistenter når inte de yngsta säljarna i tid.",
            Guardian: "Få vuxna på torget efter klockan 19.",
            Manager: "Fastighetsägaren och trafikkontoret har ingen gemensam skötsel av torget.",
            Missing: "En platsansvarig som tar helheten, och vuxna på torget kvällstid.",
            Participants: "Järva stadsdelsförvaltning, Lokalpolisområde Järva, fastighetsägaren, trafikkontoret",
            HeldOn: new DateOnly(2024, 11, 12)), cancellationToken);
        if (analysis is null)
        {
            throw new InvalidOperationException(string.Join(" ", analysisErrors.Values));
        }

        async Task<int> CauseAsync(CauseInput input) => (await problemWork.AddCauseAsync(problem.Id, input, cancellationToken)).Cause!.Id;
        var dark = await CauseAsync(new CauseInput("Skymda passager och svag belysning vid torget", CauseSide.Place, FactorLevel.Society, FactorKind.Risk,
            EvidenceKind.Query, "category=narkotika&area=0180-sd-rinkeby", Certainty.Medium));
        var noManager = await CauseAsync(new CauseInput("Ingen platsägare tar ansvar för torget som helhet", CauseSide.Place, FactorLevel.Society, FactorKind.Risk,
            EvidenceKind.Statement, "Platssamverkan november 2024 (exempel)", Certainty.High));
        var recruited = await CauseAsync(new CauseInput("Unga dras in via eget missbruk", CauseSide.Offender, FactorLevel.Individual, FactorKind.Risk,
            EvidenceKind.Document, "Utsatta områden – social ordning, kriminell struktur och utmaningar för polisen, NOA juni 2017", Certainty.High));
        var late = await CauseAsync(new CauseInput("Unga i riskzon fångas inte upp tidigt", CauseSide.Victim, FactorLevel.Group, FactorKind.Risk,
            EvidenceKind.Document, "Järvastrategin 2020–2025: kontakt inom 48 timmar", Certainty.Medium, ParentId: recruited));

        // Protective factors, so that the analysis is not only of risks; the measures below strengthen them.
        var associations = await CauseAsync(new CauseInput("Aktiva föreningar och fritidsgård nära torget", CauseSide.Offender, FactorLevel.Group, FactorKind.Protective,
            EvidenceKind.Statement, "Järva stadsdelsförvaltning, fritidsverksamheten (exempel)", Certainty.Medium));
        var traders = await CauseAsync(new CauseInput("Handlarna vid torget vill samverka om platsen", CauseSide.Place, FactorLevel.Group, FactorKind.Protective,
            EvidenceKind.Statement, "Platssamverkan november 2024 (exempel)", Certainty.High));

        // The baseline is counted, not typed. The police publish few notices on drugs (dealing is found by their own work, not
        // reported): Rinkeby had too few in 2024 to follow, so the indicator is all incidents placed in Rinkeby, a third fewer by 2026.
        var columns = await store.GetAsync(db, cancellationToken);
        double Count2024(string? category) => ActionPlans.IndicatorValue(columns,
            new Incidents.IncidentFilter { AreaCode = "0180-sd-rinkeby", Categories = category is null ? new HashSet<string>() : new HashSet<string> { category } },
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        var baseline = Count2024(null);
        db.Add(new Goal
        {
            ProblemId = problem.Id,
            Text = string.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"),
                $"Färre av polisens händelser i Rinkeby (narkotikanotiserna är för få att följa: {Count2024("narkotika")} under 2024)"),
            IndicatorKind = IndicatorKind.Incidents, IndicatorQuery = "area=0180-sd-rinkeby", Baseline = baseline, Target = Math.Floor(baseline * 2 / 3.0),
            TargetDate = new DateOnly(2026, 12, 31),
        });
        await db.SaveChangesAsync(cancellationToken);
        var goal = await db.Goals.Where(g => g.ProblemId == problem.Id).Select(g => g.Id).SingleAsync(cancellationToken);

        var (plan, _) = await plans.CreatePlanAsync(Title, Org("Järva stadsdelsnämnd"), [problem.Id], cancellationToken);
        var goals = goal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<int> MeasureAsync(MeasureInput input) => (await plans.SaveMeasureAsync(plan!.Id, null, null, input, cancellationToken)).Measure!.Id;
        var lighting = await MeasureAsync(new MeasureInput("Ny belysning och röjda siktlinjer i passagerna vid torget", new DateOnly(2025, 3, 1), new DateOnly(2025, 10, 31), [dark],
            PreventionKind.Situational, "Belysning byts och buskage röjs så att passagerna syns från torget.", 3, Org("Trafiknämnden"), "Fastighetsägaren", "Alla som passerar torget",
            "0180-sd-rinkeby", 850_000, 120, "Fler rör sig på torget kvällstid.", "Färre narkotikahändelser vid torget.", goals, "perspective-gender"));
        var placeSharing = await MeasureAsync(new MeasureInput("Platssamverkan för torget med fastighetsägare och handlare", new DateOnly(2025, 2, 1), new DateOnly(2026, 12, 31), [noManager, traders],
            PreventionKind.Situational, "En gemensam skötselplan och en platsansvarig för torget.", 3, Org("Järva stadsdelsnämnd"), "Fastighetsägaren, handlarna, Lokalpolisområde Järva",
            "Fastighetsägare och handlare", "0180-sd-rinkeby", 200_000, 400, "En skötselplan som alla parter följer.", "Torget upplevs som tryggt.", goals));
        var outreach = await MeasureAsync(new MeasureInput("Uppsökande fältarbete och kontakt inom 48 timmar med unga som påträffas", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), [recruited, late, associations],
            PreventionKind.Social, "Fältassistenter på torget kvällstid; unga som påträffas i miljön får kontakt med socialtjänsten inom 48 timmar.", 1, Org("Järva stadsdelsnämnd"),
            "Lokalpolisområde Järva, skolorna", "Unga 12–20 år i riskzon", "0180-sd-rinkeby", 0, 3_000, "Fler unga i riskzon får stöd tidigt.", "Färre unga rekryteras till försäljningen.", goals,
            "perspective-children"));

        foreach (var (measure, tertial, status, comment) in new[]
        {
            (lighting, "2025-T2", MeasureStatus.Ongoing, "Belysningen är upphandlad; röjning klar i två av tre passager."),
            (lighting, "2025-T3", MeasureStatus.Done, "Ny belysning i drift sedan oktober."),
            (placeSharing, "2025-T2", MeasureStatus.Ongoing, "Tre möten; utkast till skötselplan."),
            (placeSharing, "2025-T3", MeasureStatus.Ongoing, "Skötselplanen antagen av parterna; platsansvarig utsedd."),
            (outreach, "2025-T2", MeasureStatus.Ongoing, "Fältarbete fyra kvällar i veckan."),
            (outreach, "2025-T3", MeasureStatus.Paused, "Pausat i september i väntan på två nya fältassistenter."),
        })
        {
            var problems = await plans.ReportAsync(measure, tertial, status, comment, "demodata", cancellationToken);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" ", problems.Values));
            }
        }

        // The lighting was done in October 2025: its evaluation compares the same length of time before it started with the
        // time from November 2025 to the data's end, in the areas the suggestion gives.
        var suggestion = await evaluations.SuggestAsync(lighting, cancellationToken);
        var (_, evaluationErrors) = await evaluations.SaveAsync(lighting, suggestion!.Input with
        {
            Comment = "Exempel i demodata: en utvärdering av belysningen med polisens händelser. Den visar hur siffrorna och texten ser ut, inte att belysningen verkade.",
        }, "demodata", cancellationToken);
        if (evaluationErrors.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", evaluationErrors.Values));
        }

        var adoption = await plans.AdoptAsync(plan!.Id, "Järva stadsdelsnämnd (exempel)", new DateOnly(2025, 1, 23), "exempel", "demodata", cancellationToken);
        if (adoption.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", adoption.Values));
        }

        return true;
    }
}
