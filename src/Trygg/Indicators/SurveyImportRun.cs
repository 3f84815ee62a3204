namespace Trygg.Indicators;

/// <summary>Who imports which file, and whether only to try it: what the import report records.</summary>
public sealed record SurveyImportRun(string? FileName, string? UserName, bool DryRun);
