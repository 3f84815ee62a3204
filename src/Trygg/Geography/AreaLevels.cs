namespace Trygg.Geography;

/// <summary>The names area levels have in URLs and the API (Swedish, ASCII).</summary>
public static class AreaLevels
{
    public static string ToApiName(this AreaLevel level) => level switch
    {
        AreaLevel.Municipality => "kommun",
        AreaLevel.DistrictArea => "stadsdelsomrade",
        AreaLevel.Neighbourhood => "stadsdel",
    };

    public static string ToSwedishName(this AreaLevel level) => level switch
    {
        AreaLevel.Municipality => "Kommun",
        AreaLevel.DistrictArea => "Stadsdelsområde",
        AreaLevel.Neighbourhood => "Stadsdel",
    };

    public static bool TryParse(string? apiName, out AreaLevel level)
    {
        foreach (var candidate in Enum.GetValues<AreaLevel>())
        {
            if (string.Equals(candidate.ToApiName(), apiName, StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }
}
