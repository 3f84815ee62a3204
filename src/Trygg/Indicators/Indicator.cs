namespace Trygg.Indicators;

/// <summary>
/// A measured quantity beyond incidents: population from SCB, a Kolada KPI, a survey question's share.
/// Observations carry the area, the period and the groups (sex, age band, another group such as school year) they describe.
/// </summary>
public class Indicator
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "scb-folkmangd", "kolada-N07403" or "trygghet-otrygg-kvall".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>What is measured and how, in words a reader of the lägesbild understands.</summary>
    public string Definition { get; set; } = "";

    /// <summary>"personer", "procent", "per 100 000 invånare" …</summary>
    public string Unit { get; set; } = "";

    /// <summary>Where the figures come from: "SCB", "Kolada", "Trygghetsmätningen" …</summary>
    public string Source { get; set; } = "";

    public IndicatorType Type { get; set; }

    /// <summary>Whether a higher value is the better one (more who feel safe) or the worse (more crime).</summary>
    public bool HigherIsBetter { get; set; }

    /// <summary>The group dimensions its observations have, comma-separated: "kon", "alder", "grupp".</summary>
    public string Dimensions { get; set; } = "";

    /// <summary>When its observations last changed, in UTC.</summary>
    public DateTime UpdatedAt { get; set; }

    public List<IndicatorObservation> Observations { get; set; } = [];
}

public enum IndicatorType
{
    /// <summary>A number of something, e.g. residents.</summary>
    Count,

    /// <summary>A share in percent of respondents, with an interval.</summary>
    Share,

    /// <summary>A figure per some population, e.g. reported crimes per 100,000 inhabitants.</summary>
    Rate,

    /// <summary>Any other value, e.g. a mean score.</summary>
    Value,
}

/// <summary>
/// One figure of an indicator for an area, a period and a group.
/// An empty <see cref="Sex"/>, <see cref="AgeBand"/> or <see cref="Group"/> means everyone.
/// A suppressed cell (fewer respondents than the minimum) keeps no value, so it can never be shown or exported.
/// </summary>
public class IndicatorObservation
{
    public long Id { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>An area code as in <see cref="Geography.Area.Code"/>, a DeSO/RegSO code ("0180C1090"), or a municipality code.</summary>
    public required string AreaCode { get; set; }

    /// <summary>"2024", or a finer period such as "2024-T2" or "2025M03"; sorts in time order.</summary>
    public required string Period { get; set; }

    /// <summary>"" for both, "kvinnor" or "män".</summary>
    public string Sex { get; set; } = "";

    /// <summary>"" for all ages, otherwise e.g. "16-24" or "65-".</summary>
    public string AgeBand { get; set; } = "";

    /// <summary>Another group dimension, e.g. "åk 9"; "" for everyone.</summary>
    public string Group { get; set; } = "";

    public double? Value { get; set; }

    /// <summary>Respondents (or the population) behind the value; for weighted survey data the unweighted count.</summary>
    public double? N { get; set; }

    /// <summary>Lower end of the 95 % confidence interval, when the source gives or Trygg computes one.</summary>
    public double? Low { get; set; }

    public double? High { get; set; }

    /// <summary>True when the cell had fewer respondents than the minimum and its value was withheld.</summary>
    public bool Suppressed { get; set; }

    /// <summary>The import run that wrote it, for the import report and undo.</summary>
    public long? ImportRunId { get; set; }
}

/// <summary>
/// How much of one area lies in another, e.g. the share of a DeSO's area inside a stadsdel, computed when both geometries are loaded;
/// used to carry population and other counts from statistical areas to the city's areas.
/// </summary>
public class AreaOverlap
{
    public required string FromCode { get; set; }

    public required string ToCode { get; set; }

    /// <summary>Share of <see cref="FromCode"/>'s area that lies in <see cref="ToCode"/>, 0–1.</summary>
    public double Share { get; set; }
}
