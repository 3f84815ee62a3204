using System.Globalization;
using System.Text;

namespace Trygg.Geography;

/// <summary>Builds stable, readable area codes from a municipality code and a name: "0180-sd-sodra-hammarbyhamnen".</summary>
public static class AreaCodes
{
    public static string Neighbourhood(string municipalityCode, string name) => $"{municipalityCode}-sd-{Slug(name)}";

    public static string DistrictArea(string municipalityCode, string name) => $"{municipalityCode}-so-{Slug(name)}";

    public static string HistoricalDistrictArea(string municipalityCode, int firstYear, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{municipalityCode}-so{firstYear}-{Slug(name)}");

    public static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            var mapped = c switch
            {
                'å' or 'ä' or 'á' or 'à' => 'a',
                'ö' or 'ø' => 'o',
                'é' or 'è' => 'e',
                'ü' => 'u',
                _ when char.IsAsciiLetterOrDigit(c) => c,
                _ => '-',
            };
            if (mapped != '-' || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(mapped);
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
