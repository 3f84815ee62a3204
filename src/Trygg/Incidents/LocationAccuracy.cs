namespace Trygg.Incidents;

/// <summary>How precisely an incident was placed, most precise first.</summary>
public enum LocationAccuracy
{
    Point,
    Neighbourhood,
    DistrictArea,
    Municipality,

    /// <summary>Only the county is known (a police notice for "Stockholms län" naming no place we know).</summary>
    County,
}
