using Trygg.Ingestion;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>One row of a survey file with its area and year already resolved; <see cref="Line"/> counts the header as line 1.</summary>
public readonly record struct SurveyRow(int Line, string AreaCode, string Period, string?[] Cells)
{
    /// <summary>The trimmed text of a column, or null when the column is not mapped or the cell is empty.</summary>
    public string? Value(int column) => column >= 0 && !string.IsNullOrWhiteSpace(Cells[column]) ? Cells[column]!.Trim() : null;
}

/// <summary>
/// Reads a survey file's rows the way both survey importers do: blank rows are skipped, every other row is counted as read, and a
/// row whose area or year cannot be resolved is refused with its reason; a file that cannot be read further is refused where it stopped.
/// </summary>
public static class SurveyRows
{
    /// <summary>Hands each row with a known area and year to <paramref name="each"/>; returns how many rows were read.</summary>
    public static int Read(TabularFile file, SurveyAreas areas, int thisYear, int areaColumn, int yearColumn, RejectionLog rejected, Action<SurveyRow> each)
    {
        int read = 0, rows = 0;
        try
        {
            foreach (var cells in file.Rows)
            {
                var line = ++rows + 1; // the header is line 1
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                read++;
                var row = new SurveyRow(line, "", "", cells);
                if (areas.Resolve(row.Value(areaColumn), out var areaError) is not { } areaCode)
                {
                    rejected.Add(line, areaError!);
                }
                else if (!SurveyPeriods.TryParseYear(row.Value(yearColumn), thisYear, out var period, out var yearError))
                {
                    rejected.Add(line, yearError!);
                }
                else
                {
                    each(row with { AreaCode = areaCode, Period = period });
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            rejected.Add(rows + 2, $"Filen kunde inte läsas vidare efter rad {rows + 1}: {e.Message}");
        }

        return read;
    }
}
