namespace Trygg.Indicators;

/// <summary>
/// How to read survey microdata, one row per respondent: which columns hold area, year, sex, age, another group and the weight, which
/// question column to compute, and which of its answers count (e.g. "Mycket otrygg" and "Ganska otrygg").
/// </summary>
public sealed record SurveyMicrodataMapping
{
    public const string DefaultAgeBands = "16-24, 25-44, 45-64, 65-";

    /// <summary>The survey, e.g. "Trygghetsmätningen": the indicator's source and part of its code.</summary>
    public string Source { get; init; } = "";

    public string? Area { get; init; }

    public string? Year { get; init; }

    public string? Sex { get; init; }

    /// <summary>Age in whole years, grouped by <see cref="AgeBands"/>.</summary>
    public string? Age { get; init; }

    /// <summary>Another grouping already in the file, e.g. school year ("åk 9").</summary>
    public string? Group { get; init; }

    /// <summary>The design weight; without it every respondent weighs 1.</summary>
    public string? Weight { get; init; }

    /// <summary>The column holding the answers to the question to compute.</summary>
    public string? Question { get; init; }

    /// <summary>The answers that count, as written in the file; the share is of those who answered the question at all.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];

    /// <summary>The indicator's name; by default the question and the answers counted.</summary>
    public string? Name { get; init; }

    public string AgeBands { get; init; } = DefaultAgeBands;

    public SurveyIntervalMethod Method { get; init; } = SurveyIntervalMethod.KornGraubard;

    /// <summary>Whether a higher share is the better one, for a new indicator.</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>The indicator's name as it will be stored.</summary>
    public string IndicatorName => string.IsNullOrWhiteSpace(Name) ? $"{Question}: {string.Join(" eller ", Answers)}" : Name.Trim();

    public IReadOnlyList<string> Problems(IReadOnlyList<string> columns)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add("Ange undersökningens namn, t.ex. Trygghetsmätningen.");
        }

        foreach (var (column, what) in new[] { (Area, "område"), (Year, "år"), (Question, "frågan") })
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                problems.Add($"Välj kolumnen för {what}.");
            }
        }

        if (!Answers.Any(a => !string.IsNullOrWhiteSpace(a)))
        {
            problems.Add("Ange vilka svar som räknas, t.ex. Mycket otrygg, Ganska otrygg.");
        }

        if (!string.IsNullOrWhiteSpace(Age))
        {
            SurveyGroups.ParseBands(AgeBands, out var bandError);
            if (bandError is not null)
            {
                problems.Add(bandError);
            }
        }

        foreach (var column in new[] { Area, Year, Sex, Age, Group, Weight, Question })
        {
            if (!string.IsNullOrWhiteSpace(column) && !columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add($"Kolumnen '{column}' finns inte i filen.");
            }
        }

        return problems;
    }

    /// <summary>The columns whose names say what they hold; the question and answers are the user's choice.</summary>
    public static SurveyMicrodataMapping Guess(IReadOnlyList<string> columns, string? question = null, IReadOnlyList<string>? answers = null) => new()
    {
        Area = SurveyColumns.Find(columns, "område", "omrade", "stadsdel", "stadsdelsområde", "area", "bostadsområde"),
        Year = SurveyColumns.Find(columns, "år", "ar", "year", "undersökningsår"),
        Sex = SurveyColumns.Find(columns, "kön", "kon", "sex", "gender"),
        Age = SurveyColumns.Find(columns, "ålder", "alder", "age"),
        Group = SurveyColumns.Find(columns, "grupp", "årskurs", "arskurs", "åk"),
        Weight = SurveyColumns.Find(columns, "vikt", "weight", "vikter", "w"),
        Question = question,
        Answers = answers ?? [],
    };
}
