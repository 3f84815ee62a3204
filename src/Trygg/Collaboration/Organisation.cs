using Trygg.Geography;

namespace Trygg.Collaboration;

/// <summary>A committee, company, police area or partner taking part in the work.</summary>
public class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public OrganisationKind Kind { get; set; }

    /// <summary>The organisation it belongs to, e.g. a lokalpolisområde's polisregion.</summary>
    public int? ParentId { get; set; }

    public Organisation? Parent { get; set; }

    /// <summary>The area it is responsible for, where it has one (a stadsdelsnämnd's stadsdelsområde).</summary>
    public int? AreaId { get; set; }

    public Area? Area { get; set; }
}

/// <summary>Who may act for whom.</summary>
public static class OrganisationRules
{
    /// <summary>A person of <paramref name="own"/> acts for <paramref name="owner"/> when it is that organisation or one directly under it (a lokalpolisområde for the police region).</summary>
    public static bool ActsFor(int? own, int? owner, IReadOnlyList<Organisation> organisations) =>
        own is { } person && owner is { } responsible && (person == responsible || organisations.Any(o => o.Id == person && o.ParentId == responsible));
}
