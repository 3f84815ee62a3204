using Trygg.Ingestion;

namespace Trygg.Indicators;

/// <summary>
/// What a survey import did: the import report (records read, cells new, changed, unchanged, rows refused), the cells as they are
/// (or would be) stored — withheld cells without any figure — and the recorded run.
/// </summary>
public sealed record SurveyImportResult(ImportReport Report, IReadOnlyList<SurveyCell> Cells, long? RunId)
{
    /// <summary>Respondents who left the question unanswered: read, counted in no cell (microdata only).</summary>
    public int Unanswered { get; init; }
}
