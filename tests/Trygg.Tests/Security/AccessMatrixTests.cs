using Trygg.Security;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>
/// The access matrix against the real host's routing table: every route has a line, and every route answers a visitor who has not
/// signed in and every role as its line says. Taking a line or a role away is noticed.
/// </summary>
[Collection(DemoApp.Name)]
public sealed class AccessMatrixTests(TryggApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryRouteOfTheAppHasALineInTheAccessMatrix()
    {
        var table = RoutingTable.Of(app.Services);

        Assert.True(table.Routes.Count > 100, $"Bara {table.Routes.Count} rutter i routingtabellen.");
        var missing = table.Missing(AccessMatrix.Rules);
        var stale = table.Stale(AccessMatrix.Rules);

        Assert.True(missing.Count == 0, "Rutter utan rad i AccessMatrix (stängda för alla tills de får en):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rader i AccessMatrix för rutter som inte finns:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryRouteAnswersAnonymousVisitorsAndEveryRoleAsTheMatrixSays()
    {
        var table = RoutingTable.Of(app.Services);
        var probe = new AccessProbe(app, await RouteSamples.LoadAsync(app.Services, Token));

        var answers = await probe.CallAsync(table.Routes, table.StaticAssetExample, Token);

        Assert.Equal(table.Routes.Count * AccessProbe.Identities.Count, answers.Count);
        var mismatches = AccessProbe.Mismatches(AccessMatrix.Rules, answers);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} svar som inte stämmer med AccessMatrix:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void ARouteLeftOutOfTheMatrixIsNamedByTheCoverageCheck()
    {
        var table = RoutingTable.Of(app.Services);
        var line = AccessMatrix.Rules.Single(r => r is { Method: "POST", Route: "/plans/{Id:int}" });

        var missing = table.Missing(AccessMatrix.Rules.Where(r => r != line));

        Assert.Equal(["POST /plans/{Id:int}"], missing);
    }

    [Theory]
    [InlineData("GET", "/api/plans", Roles.Reader)]
    [InlineData("POST", "/reports/{Id:int}", Roles.Analyst)]
    [InlineData("GET", "/data", Roles.Coordinator)]
    public async Task ARoleTakenOffALineIsReportedBecauseThatRoleStillGetsIn(string method, string route, string role)
    {
        var table = RoutingTable.Of(app.Services);
        var probe = new AccessProbe(app, await RouteSamples.LoadAsync(app.Services, Token));
        var copy = AccessMatrix.Rules.Select(r => r.Method == method && r.Route == route ? r with { Who = r.Who.Without(role) } : r).ToList();

        var answers = await probe.CallAsync([(method, route)], table.StaticAssetExample, Token);

        Assert.Empty(AccessProbe.Mismatches(AccessMatrix.Rules, answers));
        var mismatch = Assert.Single(AccessProbe.Mismatches(copy, answers));
        Assert.Contains($"som {role}", mismatch, StringComparison.Ordinal);
    }
}
