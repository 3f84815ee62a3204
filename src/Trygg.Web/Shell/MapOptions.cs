namespace Trygg.Web.Shell;

/// <summary>Settings under "Map": where the background tiles come from. An empty URL draws areas without a background.</summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "© OpenStreetMap-bidragsgivare";
}
