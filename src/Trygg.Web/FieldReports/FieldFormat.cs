using System.Globalization;

namespace Trygg.Web.FieldReports;

/// <summary>How the field pages write times and read coordinates: in Swedish time, with an explicit culture.</summary>
public static class FieldFormat
{
    public static string Moment(DateTimeOffset moment) =>
        SwedishTime.ToLocal(moment.UtcDateTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A coordinate as a person types it ("59,3884" or "59.3884"); null when empty, NaN when it is no number, so that the services
    /// refuse the whole form and the page can say what to write.
    /// </summary>
    public static double? Coordinate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Collaboration.CollaborationFormat.ParseNumber(text) is { } value ? (double)value : double.NaN;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
