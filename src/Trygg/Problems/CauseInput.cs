namespace Trygg.Problems;

/// <summary>A cause as the person wrote it; <paramref name="ParentId"/> places it under the cause it explains further.</summary>
public sealed record CauseInput(string? Text, CauseSide Side, FactorLevel Level = FactorLevel.Group, FactorKind Kind = FactorKind.Risk,
    EvidenceKind EvidenceKind = EvidenceKind.Statement, string? Evidence = null, Certainty Certainty = Certainty.Medium, int? ParentId = null);
