using System.Globalization;
using Trygg.Ingestion.Files;

namespace Trygg.Indicators;

/// <summary>A survey's year as a period ("2025"); surveys are yearly or less often.</summary>
public static class SurveyPeriods
{
    public static bool TryParseYear(string? text, int thisYear, out string period, out string? error)
    {
        period = "";
        error = null;
        if (text is null)
        {
            error = "Året saknas.";
        }
        else if (!FieldParsers.TryParseNumber(text, out var value) || value != Math.Floor(value) || value < 1950 || value > 9999)
        {
            error = $"Året '{text}' kan inte tolkas; skriv det med fyra siffror, t.ex. 2025.";
        }
        else if (value > thisYear)
        {
            error = $"Året {value.ToString(CultureInfo.InvariantCulture)} har inte kommit än.";
        }
        else
        {
            period = ((int)value).ToString(CultureInfo.InvariantCulture);
        }

        return error is null;
    }
}
