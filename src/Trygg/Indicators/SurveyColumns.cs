namespace Trygg.Indicators;

/// <summary>Finds a file's column by the names people give it, ignoring case and surrounding spaces.</summary>
public static class SurveyColumns
{
    public static string? Find(IReadOnlyList<string> columns, params string[] names) =>
        names.Select(n => columns.FirstOrDefault(c => string.Equals(c.Trim(), n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null);
}
