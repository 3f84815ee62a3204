namespace Trygg.Geography;

/// <summary>
/// A place the work is about: the municipality, a stadsdelsområde, a stadsdel.
/// Historical divisions (Stockholm's 13 stadsdelsområden of 2020–2023) are kept with <see cref="ValidTo"/> set;
/// their members are linked through <see cref="AreaMembership"/>, not through <see cref="ParentId"/>.
/// </summary>
public class Area
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "0180" for Stockholms stad or "0180-sd-rinkeby".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public AreaLevel Level { get; set; }

    public int? ParentId { get; set; }

    public Area? Parent { get; set; }

    /// <summary>Last day the area was in force; null for the current division.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Boundary as GeoJSON geometry in WGS84, water included (used to place points).</summary>
    public string? Geometry { get; set; }

    /// <summary>Boundary without water, for drawing; falls back to <see cref="Geometry"/>.</summary>
    public string? DisplayGeometry { get; set; }

    public int? Population { get; set; }
}
