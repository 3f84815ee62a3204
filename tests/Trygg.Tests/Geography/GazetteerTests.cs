using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.Tests.Geography;

[Collection(DemoApp.Name)]
public sealed class GazetteerTests(TryggApp app)
{
    [Theory]
    [InlineData("Bråk i Rinkeby", "Rinkeby", LocationAccuracy.Neighbourhood)]
    [InlineData("En man greps i Rinkebys centrum.", "Rinkeby", LocationAccuracy.Neighbourhood)]
    [InlineData("Brand i en lägenhet i Hammarby sjöstad.", "Södra Hammarbyhamnen", LocationAccuracy.Neighbourhood)]
    [InlineData("En person på Södermalm kontrollerades.", "Södermalm", LocationAccuracy.Neighbourhood)]
    [InlineData("Skadegörelse i Vasastan under natten.", "Vasastaden", LocationAccuracy.Neighbourhood)]
    [InlineData("En cyklist blev påkörd i Nockebyhov.", "Nockebyhov", LocationAccuracy.Neighbourhood)]
    [InlineData("Bråk mellan ungdomar från Rinkeby och Tensta.", "Järva", LocationAccuracy.DistrictArea)]
    [InlineData("Polisen har ökat närvaron i Järva.", "Järva", LocationAccuracy.DistrictArea)]
    public async Task ANamedPlaceIsFound(string text, string expectedArea, LocationAccuracy expectedAccuracy)
    {
        var placement = (await GazetteerAsync()).Place(text);

        Assert.NotNull(placement);
        Assert.Equal(expectedArea, placement.Area?.Name);
        Assert.Equal(expectedAccuracy, placement.Accuracy);
    }

    [Fact]
    public async Task PlacesInDifferentDistrictsLeaveOnlyTheMunicipality()
    {
        var placement = (await GazetteerAsync()).Place("Rån i Kista och senare i Farsta.");

        Assert.NotNull(placement);
        Assert.Null(placement.Area);
        Assert.Equal(LocationAccuracy.Municipality, placement.Accuracy);
        Assert.Contains("Kista", placement.DecidedBy);
    }

    [Theory]
    [InlineData("Larm om kollision mellan en segelbåt och ett fartyg på Riddarfjärden.")]
    [InlineData("En kista med verktyg stals från en byggarbetsplats.")]
    [InlineData("Trafikolycka på E4 vid Häggvik.")]
    public async Task TextNamingNoKnownPlaceIsNotPlaced(string text)
    {
        Assert.Null((await GazetteerAsync()).Place(text));
    }

    private async Task<Gazetteer> GazetteerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await Gazetteer.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), TestContext.Current.CancellationToken);
    }
}
