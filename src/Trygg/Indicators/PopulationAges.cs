using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Indicators;

/// <summary>
/// Turns population counts by single years or by the source's age groups into the age bands the lägesbild uses
/// (0-15, 16-24, 25-64, 65-), and into the total of all ages — each only when the source's ages make it up exactly, so that a
/// table of newborns is never passed off as "0-15". Ages that fill no whole band keep their own label ("7", "5-9").
/// </summary>
public static partial class PopulationAges
{
    /// <summary>Children, young people, adults of working age, older people.</summary>
    public static readonly IReadOnlyList<AgeRange> Bands = [new(0, 15), new(16, 24), new(25, 64), new(65, null)];

    /// <summary>
    /// Reads an age as SCB or a CSV writes it: "7", "100+", "-4", "5-9", "80-", "0-15 år", "tot16+"; null for all ages ("", "totalt",
    /// "tot", "TotSa"). False when it is no age.
    /// </summary>
    public static bool TryParse(string? text, out AgeRange? age)
    {
        age = null;
        var t = (text ?? "").Trim().ToLowerInvariant().Replace(" år", "", StringComparison.Ordinal).Replace('–', '-');
        if (t is "" or "tot" or "totalt" or "totsa" or "alla" or "samtliga" or "alla åldrar")
        {
            return true;
        }

        var match = AgeText().Match(t);
        if (!match.Success)
        {
            return false;
        }

        var low = match.Groups["low"].Success && match.Groups["low"].Length > 0 ? Int(match.Groups["low"].Value) : 0;
        int? high = match.Groups["plus"].Success || (match.Groups["dash"].Success && match.Groups["high"].Length == 0)
            ? null
            : match.Groups["high"].Length > 0 ? Int(match.Groups["high"].Value) : low;
        if (high < low)
        {
            return false;
        }

        age = new AgeRange(low, high);
        return true;
    }

    /// <summary>
    /// The observations for one area, period, sex and group from its counts by age: the total (given, or the sum when the ages
    /// cover every age once), each standard band the ages fill exactly, and the remaining ages under their own label.
    /// </summary>
    public static IEnumerable<(string AgeBand, double Value)> Summarise(IReadOnlyList<(AgeRange? Age, double Value)> counts)
    {
        var total = counts.Where(c => c.Age is null).Select(c => (double?)c.Value).FirstOrDefault();
        var ages = counts.Where(c => c.Age is not null).Select(c => (Age: c.Age!.Value, c.Value)).OrderBy(c => c.Age.Low).ThenBy(c => c.Age.High ?? int.MaxValue).ToList();
        if (total is null && Tiles(ages.Select(a => a.Age).ToList(), new AgeRange(0, null)))
        {
            total = ages.Sum(a => a.Value);
        }

        if (total is { } all)
        {
            yield return ("", all);
        }

        var used = new HashSet<AgeRange>();
        foreach (var band in Bands)
        {
            var inside = ages.Where(a => band.Contains(a.Age)).ToList();
            if (inside.Count > 0 && Tiles(inside.Select(a => a.Age).ToList(), band))
            {
                used.UnionWith(inside.Select(a => a.Age));
                yield return (band.ToString(), inside.Sum(a => a.Value));
            }
        }

        foreach (var (age, value) in ages.Where(a => !used.Contains(a.Age)))
        {
            yield return (age.ToString(), value);
        }
    }

    /// <summary>Whether the ranges, sorted by their start, follow each other without gap or overlap from the band's start to its end.</summary>
    private static bool Tiles(List<AgeRange> sorted, AgeRange band)
    {
        var next = band.Low;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Low != next)
            {
                return false;
            }

            if (sorted[i].High is not { } high)
            {
                return i == sorted.Count - 1 && band.High is null;
            }

            next = high + 1;
        }

        return band.High is { } end && next == end + 1;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:tot)?(?<low>\d{0,3})(?:(?<plus>\+)|(?<dash>-)(?<high>\d{0,3}))?$")]
    private static partial Regex AgeText();
}

/// <summary>Ages from <see cref="Low"/> to <see cref="High"/> inclusive; no <see cref="High"/> means "and older".</summary>
public readonly record struct AgeRange(int Low, int? High)
{
    public bool Contains(AgeRange other) => other.Low >= Low && (High is null || (other.High is { } h && h <= High));

    /// <summary>"7", "16-24" or "65-", as <see cref="IndicatorObservation.AgeBand"/> holds it.</summary>
    public override string ToString() => High switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"{Low}-"),
        var h when h == Low => Low.ToString(CultureInfo.InvariantCulture),
        var h => string.Create(CultureInfo.InvariantCulture, $"{Low}-{h}"),
    };
}
