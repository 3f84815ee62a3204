using Trygg.Geography;
using Trygg.Incidents;

namespace Trygg.SituationReports;

/// <summary>What a report covers: one area, or a custom set of areas under a name of its own ("Rinkeby och Tensta").</summary>
public sealed record ReportArea(string Name, IReadOnlyList<AreaSummary> Areas)
{
    public static ReportArea Of(AreaSummary area) => new(area.Name, [area]);

    /// <summary>The codes as the incident filters take them: "0180-sd-rinkeby,0180-sd-tensta".</summary>
    public string Codes => string.Join(',', Areas.Select(a => a.Code));

    public bool IsSet => Areas.Count > 1;

    /// <summary>The residents, when every area's population is known.</summary>
    public int? Population => Areas.All(a => a.Population is > 0) ? Areas.Sum(a => a.Population) : null;

    public IncidentFilter Filter(DateOnly from, DateOnly to) =>
        new() { AreaCodes = Areas.Select(a => a.Code).ToList(), From = from, To = to };

    /// <summary>The parts a report shows one by one: the set's areas, or the one area's children.</summary>
    public IReadOnlyList<AreaSummary> Parts(AreaDirectory directory) => IsSet ? Areas : directory.ChildrenOf(Areas[0]);

    /// <summary>The codes of the areas covered, those inside them included.</summary>
    public IReadOnlySet<string> Inside(AreaDirectory directory) =>
        Areas.SelectMany(directory.SelfAndDescendants).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
}
