using Trygg.Ingestion.Files;

namespace Trygg.Tests.Analysis;

/// <summary>
/// The files in Analysis/Peer: R's reference numbers and their real inputs, among them stockholm-events-by-stadsdel.csv (every
/// Stockholm police event of the demo archive that Trygg placed in a stadsdel, made by export-stockholm-events.sh).
/// </summary>
public static class PeerData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Analysis", "Peer");

    public static string StockholmEvents => Path.Combine(Folder, "stockholm-events-by-stadsdel.csv");

    /// <summary>The 117 stadsdelar in ordinal order of their codes (counts-by-stadsdel.csv lists every one, with or without events).</summary>
    public static List<string> Stadsdelar() => Read("counts-by-stadsdel.csv").Select(r => r["stadsdel"]).ToList();

    /// <summary>How many of the events that <paramref name="which"/> keeps fall in each stadsdel, in the order of <see cref="Stadsdelar"/>.</summary>
    public static long[] CountsPerStadsdel(Func<Dictionary<string, string>, bool> which)
    {
        var index = Stadsdelar().Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i, StringComparer.Ordinal);
        var counts = new long[index.Count];
        foreach (var e in Read(StockholmEvents).Where(which))
        {
            counts[index[e["stadsdel"]]]++;
        }

        return counts;
    }

    /// <summary>Whether an event's date (ÅÅÅÅ-MM-DD) lies in [from, to).</summary>
    public static bool Between(Dictionary<string, string> e, string from, string to) =>
        string.CompareOrdinal(e["date"], from) >= 0 && string.CompareOrdinal(e["date"], to) < 0;

    /// <summary>A CSV file here (by name) or anywhere (by path), as rows keyed by the header.</summary>
    public static List<Dictionary<string, string>> Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(Folder, name));
        var records = CsvRecords.Read(reader, ',').Where(r => r.Length > 1 || r[0].Length > 0).ToList();
        return records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}
