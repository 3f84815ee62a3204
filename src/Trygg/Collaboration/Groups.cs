namespace Trygg.Collaboration;

/// <summary>
/// A group of the local organisation the Järva strategy sets up: a steering group (district directors and the local police
/// chief), a preparatory group between it and the working groups, and working groups whose mandate is time-limited.
/// </summary>
public class CollaborationGroup
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public GroupKind Kind { get; set; }

    public string Mandate { get; set; } = "";

    public DateOnly Start { get; set; }

    /// <summary>Required for a working group; Trygg warns before it.</summary>
    public DateOnly? End { get; set; }

    public List<GroupMember> Members { get; set; } = [];

    public List<GroupLink> Links { get; set; } = [];
}

public enum GroupKind
{
    Steering,
    Preparatory,
    Working,
}

/// <summary>A member: an organisation and the role it has in the group, and the person only where one is named (staff data).</summary>
public class GroupMember
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public int OrganisationId { get; set; }

    public string Role { get; set; } = "";

    public string PersonName { get; set; } = "";
}

/// <summary>A problem or a measure the group works on.</summary>
public class GroupLink
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public int? ProblemId { get; set; }

    public int? MeasureId { get; set; }
}

/// <summary>A meeting of a group: agenda, notes and the decisions it took.</summary>
public class Meeting
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public DateOnly Date { get; set; }

    public string Agenda { get; set; } = "";

    public string Notes { get; set; } = "";

    public List<Decision> Decisions { get; set; } = [];
}

/// <summary>A decision of a meeting; it may concern a measure, and may give a task to an organisation.</summary>
public class Decision
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string Text { get; set; }

    /// <summary>The measure the decision created or changed, if any.</summary>
    public int? MeasureId { get; set; }

    public List<WorkTask> Tasks { get; set; } = [];
}

/// <summary>A task a decision gave to an organisation, with a due date; open until it is marked done.</summary>
public class WorkTask
{
    public int Id { get; set; }

    public int DecisionId { get; set; }

    public required string Title { get; set; }

    public int OwnerOrganisationId { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly? DoneOn { get; set; }

    public string Comment { get; set; } = "";
}
