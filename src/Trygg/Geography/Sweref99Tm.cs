using NetTopologySuite.Geometries;

namespace Trygg.Geography;

/// <summary>
/// WGS84 (GRS80) latitude/longitude ↔ SWEREF 99 TM (EPSG:3006) easting/northing in metres, by the Gauss–Krüger formulas
/// Lantmäteriet publishes ("Gauss–Krügers projektion", central meridian 15° E, scale 0.9996, false easting 500 000 m).
/// </summary>
public static class Sweref99Tm
{
    private const double Axis = 6378137.0;
    private const double Flattening = 1.0 / 298.257222101;
    private const double CentralMeridian = 15.0;
    private const double Scale = 0.9996;
    private const double FalseNorthing = 0.0;
    private const double FalseEasting = 500000.0;

    private static readonly double E2 = Flattening * (2.0 - Flattening);
    private static readonly double N = Flattening / (2.0 - Flattening);
    private static readonly double AHat = Axis / (1.0 + N) * (1.0 + (N * N / 4.0) + (N * N * N * N / 64.0));

    /// <summary>Sweden's extent in SWEREF 99 TM with a margin: a point outside is not in Sweden.</summary>
    public static bool IsInSweden(double x, double y) => x is > 180_000 and < 1_090_000 && y is > 6_050_000 and < 7_700_000;

    public static (double X, double Y) FromWgs84(double latitude, double longitude)
    {
        var a = E2;
        var b = ((5 * E2 * E2) - (E2 * E2 * E2)) / 6.0;
        var c = ((104 * E2 * E2 * E2) - (45 * E2 * E2 * E2 * E2)) / 120.0;
        var d = 1237 * E2 * E2 * E2 * E2 / 1260.0;
        var beta1 = (N / 2.0) - (2.0 * N * N / 3.0) + (5.0 * N * N * N / 16.0) + (41.0 * N * N * N * N / 180.0);
        var beta2 = (13.0 * N * N / 48.0) - (3.0 * N * N * N / 5.0) + (557.0 * N * N * N * N / 1440.0);
        var beta3 = (61.0 * N * N * N / 240.0) - (103.0 * N * N * N * N / 140.0);
        var beta4 = 49561.0 * N * N * N * N / 161280.0;

        var phi = Radians(latitude);
        var lambda = Radians(longitude);
        var lambda0 = Radians(CentralMeridian);
        var sin = Math.Sin(phi);
        var phiStar = phi - (sin * Math.Cos(phi) * (a + (b * sin * sin) + (c * Math.Pow(sin, 4)) + (d * Math.Pow(sin, 6))));
        var deltaLambda = lambda - lambda0;
        var xiPrim = Math.Atan(Math.Tan(phiStar) / Math.Cos(deltaLambda));
        var etaPrim = Math.Atanh(Math.Cos(phiStar) * Math.Sin(deltaLambda));
        var northing = (Scale * AHat * (xiPrim
            + (beta1 * Math.Sin(2 * xiPrim) * Math.Cosh(2 * etaPrim))
            + (beta2 * Math.Sin(4 * xiPrim) * Math.Cosh(4 * etaPrim))
            + (beta3 * Math.Sin(6 * xiPrim) * Math.Cosh(6 * etaPrim))
            + (beta4 * Math.Sin(8 * xiPrim) * Math.Cosh(8 * etaPrim)))) + FalseNorthing;
        var easting = (Scale * AHat * (etaPrim
            + (beta1 * Math.Cos(2 * xiPrim) * Math.Sinh(2 * etaPrim))
            + (beta2 * Math.Cos(4 * xiPrim) * Math.Sinh(4 * etaPrim))
            + (beta3 * Math.Cos(6 * xiPrim) * Math.Sinh(6 * etaPrim))
            + (beta4 * Math.Cos(8 * xiPrim) * Math.Sinh(8 * etaPrim)))) + FalseEasting;
        return (easting, northing);
    }

    /// <summary>A copy of a geometry in WGS84 (x longitude, y latitude, as in GeoJSON) with every vertex in SWEREF 99 TM.</summary>
    public static Geometry FromWgs84(Geometry wgs84)
    {
        var projected = wgs84.Copy();
        projected.Apply(new Projection());
        projected.GeometryChanged();
        return projected;
    }

    public static (double Latitude, double Longitude) ToWgs84(double x, double y)
    {
        var delta1 = (N / 2.0) - (2.0 * N * N / 3.0) + (37.0 * N * N * N / 96.0) - (N * N * N * N / 360.0);
        var delta2 = (N * N / 48.0) + (N * N * N / 15.0) - (437.0 * N * N * N * N / 1440.0);
        var delta3 = (17.0 * N * N * N / 480.0) - (37 * N * N * N * N / 840.0);
        var delta4 = 4397.0 * N * N * N * N / 161280.0;
        var aStar = E2 + (E2 * E2) + (E2 * E2 * E2) + (E2 * E2 * E2 * E2);
        var bStar = -((7.0 * E2 * E2) + (17.0 * E2 * E2 * E2) + (30.0 * E2 * E2 * E2 * E2)) / 6.0;
        var cStar = ((224.0 * E2 * E2 * E2) + (889.0 * E2 * E2 * E2 * E2)) / 120.0;
        var dStar = -(4279.0 * E2 * E2 * E2 * E2) / 1260.0;

        var xi = (y - FalseNorthing) / (Scale * AHat);
        var eta = (x - FalseEasting) / (Scale * AHat);
        var xiPrim = xi
            - (delta1 * Math.Sin(2 * xi) * Math.Cosh(2 * eta))
            - (delta2 * Math.Sin(4 * xi) * Math.Cosh(4 * eta))
            - (delta3 * Math.Sin(6 * xi) * Math.Cosh(6 * eta))
            - (delta4 * Math.Sin(8 * xi) * Math.Cosh(8 * eta));
        var etaPrim = eta
            - (delta1 * Math.Cos(2 * xi) * Math.Sinh(2 * eta))
            - (delta2 * Math.Cos(4 * xi) * Math.Sinh(4 * eta))
            - (delta3 * Math.Cos(6 * xi) * Math.Sinh(6 * eta))
            - (delta4 * Math.Cos(8 * xi) * Math.Sinh(8 * eta));
        var phiStar = Math.Asin(Math.Sin(xiPrim) / Math.Cosh(etaPrim));
        var deltaLambda = Math.Atan(Math.Sinh(etaPrim) / Math.Cos(xiPrim));
        var sin = Math.Sin(phiStar);
        var phi = phiStar + (sin * Math.Cos(phiStar) * (aStar + (bStar * sin * sin) + (cStar * Math.Pow(sin, 4)) + (dStar * Math.Pow(sin, 6))));
        return (Degrees(phi), CentralMeridian + Degrees(deltaLambda));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double Degrees(double radians) => radians * 180.0 / Math.PI;

    private sealed class Projection : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence)
        {
            for (var i = 0; i < sequence.Count; i++)
            {
                var (x, y) = FromWgs84(sequence.GetY(i), sequence.GetX(i));
                sequence.SetX(i, x);
                sequence.SetY(i, y);
            }
        }
    }
}
