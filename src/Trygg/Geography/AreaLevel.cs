namespace Trygg.Geography;

public enum AreaLevel
{
    Municipality,
    DistrictArea,
    Neighbourhood,
}
