using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trygg.Analysis;

/// <summary>
/// The spatial point pattern test as JSON (the global figures and one object per place), as CSV (one row per place), or per grid
/// cell through <see cref="GridOutput"/>. Shares and bounds are in per cent; difference is +1 where the test set's share is higher.
/// </summary>
public static class SpatialPointPatternTestOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static readonly string[] Columns = ["base", "test", "base_pct", "test_pct", "lower", "upper", "difference"];

    public static Dictionary<string, object> Summary(SpatialPointPatternTestResult result) => new()
    {
        ["samples"] = result.Samples, ["sampleSize"] = result.SampleSize, ["baseTotal"] = result.BaseTotal, ["testTotal"] = result.TestTotal,
        ["areas"] = result.Areas, ["robustAreas"] = result.RobustAreas, ["s"] = result.S, ["robustS"] = result.RobustS,
    };

    /// <summary>One place's figures after its identity (<c>area</c>, or <c>cell</c>, <c>x</c>, <c>y</c>).</summary>
    public static Dictionary<string, object> Place(SpatialPointPatternTestResult result, int place, Dictionary<string, object> identity)
    {
        identity["base"] = result.BaseCounts[place];
        identity["test"] = result.TestCounts[place];
        identity["basePercent"] = result.BasePercent[place];
        identity["testPercent"] = result.TestPercent[place];
        identity["lower"] = result.Lower[place];
        identity["upper"] = result.Upper[place];
        identity["difference"] = result.Difference[place];
        return identity;
    }

    public static double[] Values(SpatialPointPatternTestResult result, int place) =>
        [result.BaseCounts[place], result.TestCounts[place], result.BasePercent[place], result.TestPercent[place], result.Lower[place], result.Upper[place], result.Difference[place]];

    public static string Json(SpatialPointPatternTestResult result, IEnumerable<Dictionary<string, object>> places)
    {
        var document = Summary(result);
        document["places"] = places;
        return JsonSerializer.Serialize(document, Indented);
    }

    public static string Csv(SpatialPointPatternTestResult result, IReadOnlyList<string> areaNames)
    {
        var csv = new StringBuilder("area,").AppendJoin(',', Columns).Append('\n');
        for (var a = 0; a < result.Areas; a++)
        {
            csv.Append(Quoted(areaNames[a])).Append(',')
                .AppendJoin(',', Values(result, a).Select(v => v.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quoted(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
