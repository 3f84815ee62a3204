using System.Globalization;

namespace Trygg.Indicators;

/// <summary>An indicator's figures in Swedish, the same on the page, in the lägesbild and in exports: shares as "38,4 %", gaps in procentenheter.</summary>
public static class IndicatorText
{
    /// <summary>What a suppressed cell shows in place of its value.</summary>
    public const string TooFewAnswers = "för få svar";

    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>A value with its unit: "38,4 %" for a share, "1 234 personer" for a count.</summary>
    public static string Value(Indicator indicator, double value) =>
        indicator.Type == IndicatorType.Share ? $"{Number(value)} %" : string.IsNullOrWhiteSpace(indicator.Unit) ? Number(value) : $"{Number(value)} {indicator.Unit}";

    /// <summary>"33,0–43,9 %", or "" when the cell has no interval.</summary>
    public static string Interval(Indicator indicator, double? low, double? high) =>
        low is { } l && high is { } h ? $"{Number(l)}–{Value(indicator, h)}" : "";

    /// <summary>The unit of a difference between two values: percentage points for shares.</summary>
    public static string GapUnit(Indicator indicator) => indicator.Type == IndicatorType.Share ? "procentenheter" : indicator.Unit;

    /// <summary>A gap as a reader meets it: "16,0 procentenheter (95 % KI 9,5 till 22,6)".</summary>
    public static string Gap(Indicator indicator, IndicatorGap gap)
    {
        var text = $"{Number(gap.Difference)} {GapUnit(indicator)}".TrimEnd();
        return gap.HasInterval ? $"{text} (95 % KI {Number(gap.Low!.Value)} till {Number(gap.High!.Value)})" : text;
    }

    /// <summary>One decimal, sv-SE (decimal comma, minus sign).</summary>
    public static string Number(double value) => value.ToString("0.0", Swedish);

    /// <summary>A group value as a heading: "" is everyone.</summary>
    public static string Group(string value) => value.Length == 0 ? "alla" : value;

    /// <summary>The dimensions an indicator can be split by, with the name of the query value and the Swedish label.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Dimensions = [("kon", "Kön"), ("alder", "Ålder"), ("grupp", "Grupp")];

    /// <summary>An observation's value in a dimension ("kon", "alder", "grupp").</summary>
    public static string In(IndicatorObservation observation, string dimension) => dimension switch
    {
        "kon" => observation.Sex,
        "alder" => observation.AgeBand,
        "grupp" => observation.Group,
        _ => "",
    };

    /// <summary>Whether the observation is for everyone in every dimension other than <paramref name="dimension"/>.</summary>
    public static bool OnlySplitBy(IndicatorObservation observation, string dimension) =>
        (dimension == "kon" || observation.Sex.Length == 0) && (dimension == "alder" || observation.AgeBand.Length == 0) && (dimension == "grupp" || observation.Group.Length == 0);
}
