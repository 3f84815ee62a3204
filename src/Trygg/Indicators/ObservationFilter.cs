namespace Trygg.Indicators;

/// <summary>
/// Which observations of an indicator to read, as /api/indicators/{code}/observations, the indicator page and a survey goal take
/// them: area (one or several codes separated by commas), period, sex ("kvinnor", "män" or "alla" for both together), age and
/// group ("alla" for everyone). A filter left out selects every value of it.
/// </summary>
public sealed record ObservationFilter(IReadOnlyList<string> Areas, string? Period = null, string? Sex = null, string? AgeBand = null, string? Group = null)
{
    public static readonly ObservationFilter Everything = new([]);

    /// <summary>The names the filters have in a query string.</summary>
    public static readonly string[] Names = ["area", "period", "sex", "age", "group"];

    /// <summary>The filters from named values, with a Swedish message per filter that cannot be read.</summary>
    public static (ObservationFilter Filter, Dictionary<string, string[]> Errors) Read(Func<string, string?> value)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var areas = (value("area") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var sex = Clean(value("sex"))?.ToLowerInvariant();
        if (sex is not (null or "kvinnor" or "män" or "alla"))
        {
            errors["sex"] = [$"Kön '{sex}' finns inte. Välj kvinnor, män eller alla."];
        }

        return (new ObservationFilter(areas, Clean(value("period")), Everyone(sex), Everyone(Clean(value("age"))), Everyone(Clean(value("group")))), errors);
    }

    /// <summary>The observations the filter selects.</summary>
    public IQueryable<IndicatorObservation> Apply(IQueryable<IndicatorObservation> observations)
    {
        if (Areas.Count > 0)
        {
            var areas = Areas.ToList();
            observations = observations.Where(o => areas.Contains(o.AreaCode));
        }

        if (Period is { } period)
        {
            observations = observations.Where(o => o.Period == period);
        }

        if (Sex is { } sex)
        {
            observations = observations.Where(o => o.Sex == sex);
        }

        if (AgeBand is { } age)
        {
            observations = observations.Where(o => o.AgeBand == age);
        }

        return Group is { } group ? observations.Where(o => o.Group == group) : observations;
    }

    /// <summary>The filters that are set, as a query string without '?'.</summary>
    public string ToQueryString() => string.Join('&', new[]
        {
            ("area", Areas.Count == 0 ? null : string.Join(',', Areas)), ("period", Period), ("sex", Shown(Sex)), ("age", Shown(AgeBand)), ("group", Shown(Group)),
        }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>"alla" stands for the cells of everyone, stored as "".</summary>
    private static string? Everyone(string? text) => text is not null && text.Equals("alla", StringComparison.OrdinalIgnoreCase) ? "" : text;

    private static string? Shown(string? text) => text is null ? null : text.Length == 0 ? "alla" : text;
}
