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

    /// <summary>The designated coordinator (trygghetssamordnare): staff contact data, shown only to signed-in users.</summary>
    public string CoordinatorName { get; set; } = "";

    public string CoordinatorRole { get; set; } = "";

    /// <summary>A work e-mail address; never a private one.</summary>
    public string CoordinatorEmail { get; set; } = "";

    /// <summary>Whether this organisation is the municipality's coordinating function for crime prevention (law 2023:196, 4 §).</summary>
    public bool IsCoordinatingFunction { get; set; }

    /// <summary>What it answers for under each focus area, as the trygghetsprogram sets it.</summary>
    public List<Responsibility> Responsibilities { get; set; } = [];
}

/// <summary>An organisation's responsibility under a focus area of the trygghetsprogram (e.g. Trafiknämnden: offentlig miljö och stadsutveckling).</summary>
public class Responsibility
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public int FocusAreaNumber { get; set; }

    public required string Text { get; set; }
}

/// <summary>Who may act for whom.</summary>
public static class OrganisationRules
{
    /// <summary>A person of <paramref name="own"/> acts for <paramref name="owner"/> when it is that organisation or one directly under it (a lokalpolisområde for the police region).</summary>
    public static bool ActsFor(int? own, int? owner, IReadOnlyList<Organisation> organisations) =>
        own is { } person && owner is { } responsible && (person == responsible || organisations.Any(o => o.Id == person && o.ParentId == responsible));
}
