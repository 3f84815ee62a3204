using Trygg.SituationReports;

namespace Trygg.Web.SituationReports;

/// <summary>The Swedish names of a report's states (the keys of the interface's translations).</summary>
public static class ReportStatus
{
    public static string Name(SituationReportStatus status) => status switch
    {
        SituationReportStatus.Draft => "Utkast",
        SituationReportStatus.InReview => "På granskning",
        SituationReportStatus.Adopted => "Antagen",
    };
}
