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
}
