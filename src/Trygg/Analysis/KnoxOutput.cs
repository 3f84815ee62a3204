using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trygg.Analysis;

/// <summary>Knox tables as JSON (observed, expected, permutedMean, ratio, p: rows are spatial bands then "beyond", columns likewise) or CSV.</summary>
public static class KnoxOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Json(KnoxResult result) => JsonSerializer.Serialize(new
    {
        spaceBands = Labels(result.SpaceEdges, "m"),
        timeBands = Labels(result.TimeEdges, "d"),
        pairs = result.Pairs,
        permutations = result.Permutations,
        observed = Rows(result.Observed, v => (double)v),
        expected = Rows(result.Expected, v => Math.Round(v, 6)),
        permutedMean = Rows(result.PermutedMean, v => double.IsNaN(v) ? (double?)null : Math.Round(v, 6)),
        ratio = Rows(result.Ratio, v => double.IsNaN(v) ? (double?)null : Math.Round(v, 6)),
        p = Rows(result.P, v => Math.Round(v, 6)),
    }, Indented);

    public static string Csv(KnoxResult result)
    {
        var space = Labels(result.SpaceEdges, "m");
        var time = Labels(result.TimeEdges, "d");
        var csv = new StringBuilder("space,time,observed,expected,permuted_mean,ratio,p\n");
        for (var s = 0; s < space.Length; s++)
        {
            for (var t = 0; t < time.Length; t++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{space[s]},{time[t]},{result.Observed[s, t]},{result.Expected[s, t]:0.######},{result.PermutedMean[s, t]:0.######},{result.Ratio[s, t]:0.######},{result.P[s, t]:0.######}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>"[0, 1)", "[1, 201)", …, "≥ 401".</summary>
    public static string[] Labels(double[] edges, string unit) =>
    [
        .. edges.Zip(edges.Skip(1)).Select(e => string.Create(CultureInfo.InvariantCulture, $"[{e.First}, {e.Second}) {unit}")),
        string.Create(CultureInfo.InvariantCulture, $">= {edges[^1]} {unit}"),
    ];

    private static T[][] Rows<TIn, T>(TIn[,] table, Func<TIn, T> convert) =>
        Enumerable.Range(0, table.GetLength(0)).Select(r => Enumerable.Range(0, table.GetLength(1)).Select(c => convert(table[r, c])).ToArray()).ToArray();
}
