namespace Trygg.Incidents;

/// <summary>Which category a source's own incident type belongs to, e.g. polisen "Misshandel, grov" → våld. Editable by the Samordnare.</summary>
public class TypeCategory
{
    public int Id { get; set; }

    public required string Source { get; set; }

    public required string Type { get; set; }

    public required string CategoryCode { get; set; }
}
