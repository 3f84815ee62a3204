using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Trygg.Geography;

namespace Trygg.Tests.Geography;

/// <summary>Checked against ProjNet, an independent implementation of the transverse Mercator projection, with EPSG:3006's definition.</summary>
public sealed class Sweref99TmTests
{
    private const string Sweref99TmWkt = """
        PROJCS["SWEREF99 TM",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],
        PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",15],PARAMETER["scale_factor",0.9996],
        PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]
        """;

    [Theory]
    [InlineData(59.3326, 18.0649)] // Sergels torg
    [InlineData(55.6050, 13.0038)] // Malmö
    [InlineData(67.8558, 20.2253)] // Kiruna
    [InlineData(58.3536, 11.2222)] // Smögen, far from the central meridian
    public void ProjectsAsProjNetDoesToTheMillimetreAndBack(double latitude, double longitude)
    {
        var sweref = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(Sweref99TmWkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(sweref.GeographicCoordinateSystem, sweref);
        var expected = transform.MathTransform.Transform([longitude, latitude]);

        var (x, y) = Sweref99Tm.FromWgs84(latitude, longitude);
        var (lat, lon) = Sweref99Tm.ToWgs84(x, y);

        Assert.Equal(expected[0], x, 0.001);
        Assert.Equal(expected[1], y, 0.001);
        Assert.Equal(latitude, lat, 1e-9);
        Assert.Equal(longitude, lon, 1e-9);
    }
}
