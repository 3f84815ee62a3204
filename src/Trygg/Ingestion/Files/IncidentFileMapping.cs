namespace Trygg.Ingestion.Files;

/// <summary>
/// Which column of a file holds what. Each property is a column name (or null when the file has no such column).
/// A place comes from latitude/longitude (WGS84), from SWEREF 99 TM x/y, or from an area's name.
/// </summary>
public sealed record IncidentFileMapping
{
    /// <summary>The incidents' source, e.g. "brandforsvaret"; with the id it identifies an incident across imports.</summary>
    public string Source { get; init; } = "";

    public string? Id { get; init; }

    /// <summary>Date, or date and time together.</summary>
    public string? Date { get; init; }

    /// <summary>Time of day, when the file has it apart from the date.</summary>
    public string? Time { get; init; }

    public string? Type { get; init; }

    /// <summary>A category code or name of Trygg's taxonomy; without it the type decides.</summary>
    public string? Category { get; init; }

    public string? Latitude { get; init; }

    public string? Longitude { get; init; }

    public string? X { get; init; }

    public string? Y { get; init; }

    public string? AreaName { get; init; }

    public string? Text { get; init; }

    /// <summary>The mapping's problems with this file: required columns missing or not in the file.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<string> columns)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Source))
        {
            problems.Add("Ange källans namn, t.ex. brandforsvaret.");
        }

        void Required(string? column, string what)
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                problems.Add($"Välj kolumnen för {what}.");
            }
        }

        Required(Id, "id");
        Required(Date, "datum");
        Required(Type, "händelsetyp");
        if (string.IsNullOrWhiteSpace(AreaName) && (string.IsNullOrWhiteSpace(Latitude) || string.IsNullOrWhiteSpace(Longitude)) && (string.IsNullOrWhiteSpace(X) || string.IsNullOrWhiteSpace(Y)))
        {
            problems.Add("Välj var platsen står: latitud och longitud, SWEREF 99 TM x och y, eller ett områdesnamn.");
        }

        foreach (var column in new[] { Id, Date, Time, Type, Category, Latitude, Longitude, X, Y, AreaName, Text })
        {
            if (!string.IsNullOrWhiteSpace(column) && !columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add($"Kolumnen '{column}' finns inte i filen.");
            }
        }

        return problems;
    }
}
