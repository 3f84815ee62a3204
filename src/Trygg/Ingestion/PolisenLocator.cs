using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.Ingestion;

/// <summary>
/// Places a Polisen notice. The API gives only the municipality's or county's centre; the place is in the text
/// ("Bråk i Rinkeby"), and a county notice whose title ends with the municipality ("…, Stockholm") is in the municipality.
/// </summary>
public sealed class PolisenLocator(Gazetteer gazetteer, Area? municipality, string municipalityName)
{
    public Placement Locate(PolisenNotice notice, bool countyOnly)
    {
        var titleParts = (notice.Name ?? string.Empty).Split(", ", StringSplitOptions.TrimEntries);
        var titlePlace = titleParts.Length > 1 ? titleParts[^1] : null;
        var inMunicipality = !countyOnly || titlePlace == municipalityName;

        // "20 mars 10:14, Rån, Stockholm": the date and the type would only confuse the gazetteer.
        var type = notice.Type ?? string.Empty;
        var title = string.Join(", ", titleParts.Skip(1).Where(p => !type.Contains(p, StringComparison.Ordinal)));
        var placement = gazetteer.Place(title + " " + notice.Summary);

        return placement switch
        {
            { Area: not null } => placement,
            null when !inMunicipality => new Placement(null, LocationAccuracy.County, null),
            _ => new Placement(municipality, LocationAccuracy.Municipality, placement?.DecidedBy ?? (inMunicipality && countyOnly ? titlePlace : null)),
        };
    }
}
