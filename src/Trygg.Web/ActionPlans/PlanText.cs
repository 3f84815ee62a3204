using Trygg.ActionPlans;
using Trygg.Problems;

namespace Trygg.Web.ActionPlans;

/// <summary>The Swedish names the pages show for the plans' states (the keys of the interface's translations).</summary>
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
}
