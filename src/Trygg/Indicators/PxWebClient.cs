using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Trygg.Indicators;

/// <summary>
/// Asks SCB's PxWeb API for a table by its rules: the limits of its /config (calls per time window, cells per answer) are
/// read first and kept — a query with more cells is split into several — and the answer is JSON-stat 2.0 from both
/// versions: v2's <c>POST tables/{id}/data?outputFormat=json-stat2</c> and v1's POST of a query with "json-stat2" as format.
/// </summary>
public sealed class PxWebClient(HttpClient http, PxWebCallGate gate, IOptions<PxWebOptions> options)
{
    private const int Attempts = 3;

    /// <summary>The tables answering the query, more than one when it had to be split.</summary>
    public async Task<IReadOnlyList<StatTable>> QueryAsync(PxWebQuery query, CancellationToken cancellationToken = default)
    {
        var limits = await LimitsAsync(query.Version, cancellationToken);
        var tables = new List<StatTable>();
        foreach (var part in Split(query.Selection, limits.MaxCells))
        {
            var (address, body) = query.Version == PxWebVersion.V2
                ? (new Uri(new Uri(options.Value.BaseUrl), $"tables/{Uri.EscapeDataString(query.Table)}/data?lang=sv&outputFormat=json-stat2"), V2Body(part))
                : (new Uri(new Uri(options.Value.V1BaseUrl), query.Table), V1Body(part));
            tables.Add(JsonStat.Read(await PostAsync(query.Version, limits, address, body, query.Table, cancellationToken)));
        }

        return tables;
    }

    /// <summary>The API's limits from its /config (v2: maxCallsPerTimeWindow, timeWindow, maxDataCells; v1: maxCalls, timeWindow, maxValues).</summary>
    public async Task<PxWebLimits> LimitsAsync(PxWebVersion version, CancellationToken cancellationToken = default)
    {
        var address = ConfigAddress(version);
        lock (gate.Limits)
        {
            if (gate.Limits.TryGetValue(address.ToString(), out var known))
            {
                return known;
            }
        }

        PxWebLimits limits;
        using (await gate.EnterAsync(Api(version), PxWebLimits.Assumed, cancellationToken))
        {
            using var response = await http.GetAsync(address, cancellationToken);
            limits = response.IsSuccessStatusCode ? ReadLimits(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)) : PxWebLimits.Assumed;
        }

        lock (gate.Limits)
        {
            gate.Limits[address.ToString()] = limits;
        }

        return limits;
    }

    /// <summary>Selections each within <paramref name="maxCells"/>, by cutting the dimension with the most values into pieces.</summary>
    public static IEnumerable<IReadOnlyList<PxWebSelection>> Split(IReadOnlyList<PxWebSelection> selection, long maxCells)
    {
        var cells = selection.Aggregate(1L, (product, s) => product * Math.Max(1, s.Values.Count));
        var widest = selection.Select((s, i) => (s.Values.Count, i)).Max();
        if (cells <= maxCells || widest.Count <= 1)
        {
            yield return selection;
            yield break;
        }

        var rest = cells / widest.Count;
        var piece = (int)Math.Max(1, maxCells / rest);
        foreach (var chunk in selection[widest.i].Values.Chunk(piece))
        {
            var narrower = selection.Select((s, i) => i == widest.i ? s with { Values = chunk } : s).ToList();
            foreach (var part in Split(narrower, maxCells))
            {
                yield return part;
            }
        }
    }

    private async Task<byte[]> PostAsync(PxWebVersion version, PxWebLimits limits, Uri address, object body, string table, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using (await gate.EnterAsync(Api(version), limits, cancellationToken))
            {
                using var response = await http.PostAsJsonAsync(address, body, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsByteArrayAsync(cancellationToken);
                }

                // Another program on the same address may have used up the calls: wait a window (the gate does) and try again.
                if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == Attempts)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new HttpRequestException(
                        $"SCB svarade {(int)response.StatusCode} ({response.ReasonPhrase}) för tabell {table}: {text[..Math.Min(text.Length, 300)]}", null, response.StatusCode);
                }
            }
        }
    }

    private static PxWebLimits ReadLimits(JsonElement config)
    {
        int? Int(params string[] names) => names.Select(n => config.TryGetProperty(n, out var v) && v.TryGetInt32(out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);
        return new PxWebLimits(
            Int("maxCallsPerTimeWindow", "maxCalls") ?? PxWebLimits.Assumed.MaxCalls,
            TimeSpan.FromSeconds(Int("timeWindow") ?? (int)PxWebLimits.Assumed.TimeWindow.TotalSeconds),
            Int("maxDataCells", "maxValues") ?? PxWebLimits.Assumed.MaxCells);
    }

    private Uri ConfigAddress(PxWebVersion version) => version == PxWebVersion.V2
        ? new Uri(new Uri(options.Value.BaseUrl), "config")
        : new Uri(new Uri(options.Value.V1BaseUrl), "../?config");

    private string Api(PxWebVersion version) => ConfigAddress(version).GetLeftPart(UriPartial.Authority) + "/" + version.ToString();

    private static object V2Body(IReadOnlyList<PxWebSelection> selection) =>
        new { selection = selection.Select(s => new { variableCode = s.Code, valueCodes = s.Values }) };

    private static object V1Body(IReadOnlyList<PxWebSelection> selection) => new
    {
        query = selection.Select(s => s.Values is [var top] && Top(top) is { } count
            ? new { code = s.Code, selection = new { filter = "top", values = (IReadOnlyList<string>)[count] } }
            : new { code = s.Code, selection = new { filter = "item", values = s.Values } }),
        response = new { format = "json-stat2" },
    };

    /// <summary>v2's selection expression "TOP(n)" (the latest n periods) as v1's filter "top".</summary>
    private static string? Top(string value) =>
        value.StartsWith("TOP(", StringComparison.OrdinalIgnoreCase) && value.EndsWith(')') && int.TryParse(value[4..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n.ToString(CultureInfo.InvariantCulture) : null;
}

public enum PxWebVersion
{
    V1,
    V2,
}

/// <summary>A table (v2 id "TAB638", or v1 path "BE/BE0101/BE0101A/BefolkningNy") and the values chosen per variable.</summary>
public sealed record PxWebQuery(PxWebVersion Version, string Table, IReadOnlyList<PxWebSelection> Selection);

public sealed record PxWebSelection(string Code, IReadOnlyList<string> Values);
