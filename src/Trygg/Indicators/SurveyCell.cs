namespace Trygg.Indicators;

/// <summary>
/// One survey figure as it will be stored: a share in percent with its 95 % interval and the unweighted n, for an area, a period and
/// a group. A suppressed cell carries no value, interval or n at all, so nothing downstream can show it by mistake.
/// </summary>
public sealed record SurveyCell(string IndicatorCode, string AreaCode, string Period, string Sex, string AgeBand, string Group, double? Value, double? N, double? Low, double? High, bool Suppressed)
{
    /// <summary>The cell withheld: only where and whom it describes remains.</summary>
    public SurveyCell Withheld() => this with { Value = null, N = null, Low = null, High = null, Suppressed = true };

    /// <summary>The cell's identity: one stored observation per key.</summary>
    public (string, string, string, string, string, string) Key => (IndicatorCode, AreaCode, Period, Sex, AgeBand, Group);

    /// <summary>"alla", "kvinnor", "16-24", "åk 9": whom it describes, for people.</summary>
    public string Whom => string.Join(", ", new[] { Sex, AgeBand, Group }.Where(s => s.Length > 0)) is { Length: > 0 } whom ? whom : "alla";
}
