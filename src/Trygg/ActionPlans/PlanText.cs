using Trygg.Problems;

namespace Trygg.ActionPlans;

/// <summary>
/// The Swedish names of the plans' states: the pages show them (they are the keys of the interface's translations) and the
/// Word documents print them, so a reader finds the same words in both.
/// </summary>
public static class PlanText
{
    public static string Status(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "Utkast",
        PlanStatus.InReview => "På granskning",
        PlanStatus.Adopted => "Antagen",
    };

    public static string Status(MeasureStatus status) => status switch
    {
        MeasureStatus.Planned => "Planerad",
        MeasureStatus.Ongoing => "Pågår",
        MeasureStatus.Done => "Genomförd",
        MeasureStatus.Paused => "Pausad",
        MeasureStatus.Cancelled => "Inställd",
    };

    public static string Light(TrafficLight light) => light switch
    {
        TrafficLight.Grey => "Ej påbörjad",
        TrafficLight.Green => "Enligt plan",
        TrafficLight.Yellow => "Pausad",
        TrafficLight.Red => "Behöver åtgärdas",
    };

    public static string Side(CauseSide side) => side switch
    {
        CauseSide.Victim => "Offer",
        CauseSide.Offender => "Gärningsperson",
        CauseSide.Place => "Plats",
    };

    public static string Kind(PreventionKind kind) => kind switch
    {
        PreventionKind.Social => "Social prevention",
        PreventionKind.Situational => "Situationell prevention",
    };

    /// <summary>The light's colour as a word, for documents printed in black and white.</summary>
    public static string Colour(TrafficLight light) => light switch
    {
        TrafficLight.Grey => "Grått",
        TrafficLight.Green => "Grönt",
        TrafficLight.Yellow => "Gult",
        TrafficLight.Red => "Rött",
    };

    public static string Level(FactorLevel level) => level switch
    {
        FactorLevel.Individual => "Individ",
        FactorLevel.Group => "Grupp",
        FactorLevel.Society => "Samhälle",
    };

    public static string Kind(FactorKind kind) => kind switch
    {
        FactorKind.Risk => "Riskfaktor",
        FactorKind.Protective => "Skyddsfaktor",
    };

    public static string Evidence(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Query => "Händelsefråga",
        EvidenceKind.Document => "Dokument",
        EvidenceKind.Statement => "Uppgift från en aktör",
    };

    public static string Certainty(Certainty certainty) => certainty switch
    {
        Problems.Certainty.Low => "Låg säkerhet",
        Problems.Certainty.Medium => "Medelhög säkerhet",
        Problems.Certainty.High => "Hög säkerhet",
    };

    public static string Indicator(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Incidents => "Händelser (räknas fram)",
        IndicatorKind.Survey => "Enkätindikator",
        IndicatorKind.Manual => "Manuellt tal",
    };
}
