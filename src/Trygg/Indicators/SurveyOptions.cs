namespace Trygg.Indicators;

/// <summary>Settings under "Indicators" for survey results.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Indicators";

    /// <summary>
    /// The fewest respondents a cell may have and still show its share; smaller cells are stored without value or interval,
    /// so that no respondent can be recognised and no share rests on a handful of answers.
    /// </summary>
    public int MinimumN { get; set; } = 30;
}
