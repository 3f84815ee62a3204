using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trygg.Data;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>The invented survey files of Indicators/Data (see its README) and what the tests read back from the database.</summary>
public static class SurveyFixtures
{
    public const string Question = "Otrygg utomhus sent en kväll i det egna bostadsområdet";
    public const string MicrodataQuestion = "F12 Trygg ute sent en kväll";

    /// <summary>Aggregated table: semicolons, decimal commas, UTF-8 with BOM, as Excel saves "CSV UTF-8".</summary>
    public static string Table => Path.Combine(AppContext.BaseDirectory, "Indicators", "Data", "trygghetsmatning-invented.csv");

    /// <summary>Microdata: 160 made-up respondents in Rinkeby, Tensta and Husby, 6 of whom left F12 unanswered.</summary>
    public static string Microdata => Path.Combine(AppContext.BaseDirectory, "Indicators", "Data", "trygghet-mikrodata-invented.csv");

    public static SurveyFileMapping TableMapping(string source) => new()
    {
        Source = source, Area = "Område", Year = "År", Question = "Fråga", Group = "Grupp", Share = "Andel (%)", N = "Antal svarande",
    };

    public static SurveyMicrodataMapping MicrodataMapping(string source) => new()
    {
        Source = source, Area = "Område", Year = "År", Sex = "Kön", Age = "Ålder", Weight = "Vikt", Question = MicrodataQuestion,
        Answers = ["Ganska otrygg", "Mycket otrygg"],
    };

    /// <summary>Every observation of the indicators whose code starts with the source's slug, with the indicator.</summary>
    public static async Task<List<(Indicator Indicator, IndicatorObservation Observation)>> StoredAsync(TryggApp app, string source)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var prefix = Trygg.Geography.AreaCodes.Slug(source) + "-";
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Observations).Where(i => i.Code.StartsWith(prefix)).ToListAsync(TestContext.Current.CancellationToken);
        return indicators.SelectMany(i => i.Observations.Select(o => (i, o))).ToList();
    }

    public static IndicatorObservation Find(this List<(Indicator Indicator, IndicatorObservation Observation)> stored, string areaCode, string period, string sex = "", string ageBand = "", string group = "", string? indicatorStart = null) =>
        stored.Single(s => s.Observation.AreaCode == areaCode && s.Observation.Period == period && s.Observation.Sex == sex && s.Observation.AgeBand == ageBand
            && s.Observation.Group == group && (indicatorStart is null || s.Indicator.Name.StartsWith(indicatorStart, StringComparison.Ordinal))).Observation;
}
