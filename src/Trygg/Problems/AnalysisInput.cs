namespace Trygg.Problems;

/// <summary>The orsaksanalys as the person wrote it: the crime triangle, its controllers, what is missing, who took part and when.</summary>
public sealed record AnalysisInput(string? Offender, string? Target, string? Place, string? Handler = null, string? Guardian = null, string? Manager = null,
    string? Missing = null, string? Participants = null, DateOnly? HeldOn = null);
