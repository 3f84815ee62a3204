namespace Trygg.Incidents;

/// <summary>Which incidents a question is about. Every part is optional; summary notices are never included.</summary>
public sealed record IncidentFilter
{
    /// <summary>First day, Swedish time, inclusive.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day, Swedish time, inclusive.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Category codes; empty for all.</summary>
    public IReadOnlySet<string> Categories { get; init; } = new HashSet<string>();

    /// <summary>An area's code: incidents placed in it or in an area inside it.</summary>
    public string? AreaCode { get; init; }

    /// <summary>More areas, each with the areas inside it, e.g. the members of a former division's area.</summary>
    public IReadOnlyList<string> AreaCodes { get; init; } = [];

    public string? Source { get; init; }

    /// <summary>The least precise placement accepted, e.g. Neighbourhood for point or stadsdel.</summary>
    public LocationAccuracy? MinAccuracy { get; init; }
}
