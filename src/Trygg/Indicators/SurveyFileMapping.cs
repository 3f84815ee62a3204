namespace Trygg.Indicators;

/// <summary>
/// Which column of an aggregated survey table holds what: one row per area, year, question (and answer) and group, with the share in
/// percent and the number of respondents. Each property is a column name, or null when the file has no such column.
/// </summary>
public sealed record SurveyFileMapping
{
    /// <summary>The survey, e.g. "Trygghetsmätningen" or "Stockholmsenkäten": the indicators' source and part of their codes.</summary>
    public string Source { get; init; } = "";

    public string? Area { get; init; }

    public string? Year { get; init; }

    public string? Question { get; init; }

    /// <summary>The answer the share counts ("Mycket eller ganska otrygg"), when the table has several per question.</summary>
    public string? Answer { get; init; }

    /// <summary>The share answering, in percent (decimal comma or point, with or without "%").</summary>
    public string? Share { get; init; }

    /// <summary>Whom the row describes: "kvinnor", "män", "16-24", "åk 9", or "alla"/empty for everyone.</summary>
    public string? Group { get; init; }

    /// <summary>The number of respondents behind the share (unweighted).</summary>
    public string? N { get; init; }

    /// <summary>Whether a higher share is the better one (feeling safe) rather than the worse (feeling unsafe), for new indicators.</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>The mapping's problems with this file: required columns missing or not in the file.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<string> columns)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add("Ange undersökningens namn, t.ex. Trygghetsmätningen.");
        }

        void Required(string? column, string what)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                problems.Add($"Välj kolumnen för {what}.");
            }
        }

        Required(Area, "område");
        Required(Year, "år");
        Required(Question, "fråga");
        Required(Share, "andel");
        Required(N, "antal svarande (n)");
        foreach (var column in new[] { Area, Year, Question, Answer, Share, Group, N })
        {
            if (!string.IsNullOrWhiteSpace(column) && !columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add($"Kolumnen '{column}' finns inte i filen.");
            }
        }

        return problems;
    }

    /// <summary>The columns whose names say what they hold, so that the usual tables need no choosing.</summary>
    public static SurveyFileMapping Guess(IReadOnlyList<string> columns, string source = "") => new()
    {
        Source = source,
        Area = SurveyColumns.Find(columns, "område", "omrade", "stadsdel", "stadsdelsområde", "area", "kommun", "områdeskod"),
        Year = SurveyColumns.Find(columns, "år", "ar", "year", "period", "undersökningsår"),
        Question = SurveyColumns.Find(columns, "fråga", "fraga", "question", "indikator", "påstående"),
        Answer = SurveyColumns.Find(columns, "svar", "svarsalternativ", "answer"),
        Share = SurveyColumns.Find(columns, "andel", "andel (%)", "andel %", "procent", "share", "värde", "andel svarande"),
        Group = SurveyColumns.Find(columns, "grupp", "group", "kön", "bakgrund", "redovisningsgrupp"),
        N = SurveyColumns.Find(columns, "n", "antal", "antal svarande", "svarande", "bas"),
    };
}
