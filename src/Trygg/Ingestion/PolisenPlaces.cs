namespace Trygg.Ingestion;

/// <summary>The names the Polisen API gives a municipality and its county in <c>location.name</c>.</summary>
public static class PolisenPlaces
{
    private static readonly Dictionary<string, (string Municipality, string County)> Known = new(StringComparer.Ordinal)
    {
        ["0180"] = ("Stockholm", "Stockholms län"),
        ["1480"] = ("Göteborg", "Västra Götalands län"),
        ["1280"] = ("Malmö", "Skåne län"),
        ["0380"] = ("Uppsala", "Uppsala län"),
    };

    public static bool TryFind(string municipalityCode, out string municipality, out string county)
    {
        var found = Known.TryGetValue(municipalityCode, out var names);
        (municipality, county) = names;
        return found;
    }
}
