namespace Trygg.Incidents;

public static class LocationAccuracies
{
    public static string ToApiName(this LocationAccuracy accuracy) => accuracy switch
    {
        LocationAccuracy.Point => "point",
        LocationAccuracy.Neighbourhood => "stadsdel",
        LocationAccuracy.DistrictArea => "stadsdelsomrade",
        LocationAccuracy.Municipality => "kommun",
        LocationAccuracy.County => "lan",
    };

    public static string ToSwedishName(this LocationAccuracy accuracy) => accuracy switch
    {
        LocationAccuracy.Point => "Punkt",
        LocationAccuracy.Neighbourhood => "Stadsdel",
        LocationAccuracy.DistrictArea => "Stadsdelsområde",
        LocationAccuracy.Municipality => "Kommun",
        LocationAccuracy.County => "Län",
    };
}
