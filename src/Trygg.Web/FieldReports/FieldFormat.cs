using System.Globalization;

namespace Trygg.Web.FieldReports;

/// <summary>How field reports' times read on the pages: in Swedish time, with an explicit culture.</summary>
public static class FieldFormat
{
    public static string Moment(DateTimeOffset moment) =>
        SwedishTime.ToLocal(moment.UtcDateTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
