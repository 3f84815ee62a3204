namespace Trygg.Incidents;

/// <summary>A category of the taxonomy that makes sources comparable (våld, stöld och inbrott, …).</summary>
public class IncidentCategory
{
    public int Id { get; set; }

    /// <summary>Stable code used in the API and in <see cref="Incident.Category"/>, e.g. "stold-och-inbrott".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}
