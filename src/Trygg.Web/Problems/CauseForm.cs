using Trygg.Problems;

namespace Trygg.Web.Problems;

/// <summary>The fields of a cause as the add and edit forms post them (<see cref="CauseFields"/> renders them).</summary>
public sealed class CauseForm
{
    public string? Text { get; set; }

    public CauseSide Side { get; set; } = CauseSide.Place;

    public FactorLevel Level { get; set; } = FactorLevel.Group;

    public FactorKind Kind { get; set; } = FactorKind.Risk;

    public EvidenceKind EvidenceKind { get; set; } = EvidenceKind.Statement;

    public string? Evidence { get; set; }

    public Certainty Certainty { get; set; } = Certainty.Medium;

    public int? ParentId { get; set; }

    /// <summary><see cref="ProblemWork.Stamp(Cause)"/> of the cause as opened, for the edit form.</summary>
    public string? Stamp { get; set; }

    public static CauseForm From(Cause cause) => new()
    {
        Text = cause.Text, Side = cause.Side, Level = cause.Level, Kind = cause.Kind, EvidenceKind = cause.EvidenceKind, Evidence = cause.Evidence,
        Certainty = cause.Certainty, ParentId = cause.ParentId, Stamp = ProblemWork.Stamp(cause),
    };

    public CauseInput ToInput() => new(Text, Side, Level, Kind, EvidenceKind, Evidence, Certainty, ParentId);
}
