namespace Trygg.Geography;

/// <summary>Another name for an area or a landmark inside it ("Vasastan", "Medborgarplatsen"), used to place incidents from text. Editable.</summary>
public class PlaceAlias
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int AreaId { get; set; }

    public Area? Area { get; set; }

    /// <summary>What kind of place it is: torg, gata, park, station, galleria, arena, byggnad, omrade, led, ovrigt.</summary>
    public string? Kind { get; set; }
}
