using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Security;
using Trygg.Web.Security;

namespace Trygg.Tests.Security;

/// <summary>The host takes its authorisation from the matrix alone: a host whose matrix lacks a line closes that route to everyone.</summary>
public sealed class AccessMatrixEnforcementTests : IClassFixture<AccessMatrixEnforcementTests.AppWithoutPlansLine>
{
    private readonly AppWithoutPlansLine app;

    public AccessMatrixEnforcementTests(AppWithoutPlansLine app) => this.app = app;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARouteWhoseLineIsRemovedIsClosedEvenToTheAdministrator()
    {
        using var admin = await app.SignedInClientAsync(Roles.Administrator);
        using var anonymous = app.CreateBrowserlikeClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/plans", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/plans", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/organisations", Token)).StatusCode);
    }

    [Fact]
    public async Task APageWhoseLineIsRemovedSendsEveryoneToTheAccessDeniedPage()
    {
        using var admin = await app.SignedInClientAsync(Roles.Administrator);

        var response = await admin.GetAsync("/plans", Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", TryggApp.RedirectPath(response));
    }

    /// <summary>Trygg without demo data, its matrix missing the lines of the plans list (API and page).</summary>
    public sealed class AppWithoutPlansLine : TryggApp
    {
        public AppWithoutPlansLine() => Settings["Trygg:LoadDemoData"] = "false";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var rules = AccessMatrix.Rules.Where(r => r is not { Method: "GET", Route: "/api/plans" or "/plans" });
            builder.ConfigureTestServices(services => services.AddSingleton(new AccessMatrix(rules)));
        }
    }
}
