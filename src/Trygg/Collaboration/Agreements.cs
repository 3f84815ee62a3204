namespace Trygg.Collaboration;

/// <summary>
/// A written agreement: a collaboration agreement (samverkansöverenskommelse) between the city and the police or other
/// actors, with its prioritised areas and goals, or a citizen promise (medborgarlöfte) with what was promised.
/// </summary>
public class Agreement
{
    public int Id { get; set; }

    public AgreementKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>Who signed, by role ("kommundirektören, regionpolischefen"): staff data, shown only to signed-in users.</summary>
    public string Signatories { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    /// <summary>None for an agreement that holds until further notice (tillsvidare), as the city's with the police.</summary>
    public DateOnly? ValidTo { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>For a citizen promise, the promise; for an agreement, what it is about.</summary>
    public string Text { get; set; } = "";

    /// <summary>How the agreement or promise was followed up, in the parties' words.</summary>
    public string FollowUp { get; set; } = "";

    public List<AgreementParty> Parties { get; set; } = [];

    public List<AgreementGoal> Goals { get; set; } = [];

    public List<AgreementMeasure> Measures { get; set; } = [];

    public bool IsInForce(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}

public enum AgreementKind
{
    Collaboration,
    CitizenPromise,
}

public class AgreementParty
{
    public int AgreementId { get; set; }

    public int OrganisationId { get; set; }
}

/// <summary>A prioritised area of the agreement with the goal the parties set for it.</summary>
public class AgreementGoal
{
    public int Id { get; set; }

    public int AgreementId { get; set; }

    public int PriorityAreaNumber { get; set; }

    public string Goal { get; set; } = "";
}

public class AgreementMeasure
{
    public int AgreementId { get; set; }

    public int MeasureId { get; set; }
}

/// <summary>A program or strategy the work follows (trygghetsprogrammet 2024–2027, the Järva strategy …), and what in Trygg implements it.</summary>
public class SteeringDocument
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public SteeringDocumentKind Kind { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidTo { get; set; }

    public int? OwnerOrganisationId { get; set; }

    /// <summary>Where the document is published.</summary>
    public string Link { get; set; } = "";

    /// <summary>The plans that implement it, ids separated by commas.</summary>
    public string ActionPlanIds { get; set; } = "";

    /// <summary>The agreements that implement it, ids separated by commas.</summary>
    public string AgreementIds { get; set; } = "";
}

public enum SteeringDocumentKind
{
    Program,
    Strategy,
    Agreement,
    Other,
}
