using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Geography;

namespace Trygg.Tests.Indicators;

/// <summary>The real SCB responses in ../shared/data/recorded/scb (see SOURCES.md there), and a host with only Stockholm's areas loaded.</summary>
public static class ScbRecordings
{
    public const string Tab638 = "rOpenGov-pxweb__statistikdatabasen.scb.se__api__v2__tables__TAB638__data-35e0e2-5aec69-POST.json";
    public const string Tab5974 = "rOpenGov-pxweb__statistikdatabasen.scb.se__api__v2__tables__TAB5974__data-35e0e2-fb7f17-POST.json";
    public const string V1BefolkningNy = "rOpenGov-pxweb__api.scb.se__OV0104__v1__doris__sv__ssd__BE__BE0101__BE0101A__BefolkningNy-3e8562-POST.json";
    public const string V1Civilstand = "rOpenGov-pxweb__api.scb.se__OV0104__v1__doris__sv__ssd__BE__BE0101__BE0101A__BefolkningNy-21059a-POST.json";
    public const string Tab6471 = "stefur-pxwebpy__tests_responses__TAB6471_data.json";
    public const string Config = "stefur-pxwebpy__tests_responses__config.json";

    public static string Path(string name) => System.IO.Path.Combine(SharedData.Directory, "recorded", "scb", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>A host without the demo data (so no population and no indicators), with Stockholm's areas loaded.</summary>
    public static async Task<TryggApp> AppWithAreasAsync(Dictionary<string, string>? settings = null)
    {
        var app = new TryggApp { Settings = { ["Trygg:LoadDemoData"] = "false" } };
        foreach (var (key, value) in settings ?? [])
        {
            app.Settings[key] = value;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Areas.AnyAsync(TestContext.Current.CancellationToken))
        {
            await scope.ServiceProvider.GetRequiredService<StockholmAreas>().LoadAsync(System.IO.Path.Combine(SharedData.Directory, "stockholm"), TestContext.Current.CancellationToken);
        }

        return app;
    }
}
