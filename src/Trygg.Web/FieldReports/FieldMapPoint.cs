namespace Trygg.Web.FieldReports;

/// <summary>A point the field map draws: where, its tooltip, and a class that tells its kind and id (e.g. "report-12").</summary>
public sealed record FieldMapPoint(double Lat, double Lon, string Label, string Kind);
