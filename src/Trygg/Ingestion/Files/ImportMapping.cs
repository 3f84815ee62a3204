namespace Trygg.Ingestion.Files;

/// <summary>A column mapping saved by name, so that the next file from the same source imports the same way (also from the CLI).</summary>
public class ImportMapping
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The <see cref="IncidentFileMapping"/> as JSON.</summary>
    public required string Mapping { get; set; }
}
