using System.Globalization;
using Trygg.Problems;

namespace Trygg.Web.Problems;

/// <summary>The Swedish names the pages show for the orsaksanalys' choices (the keys of the interface's translations), and the stored lists read back.</summary>
public static class ProblemText
{
    public static string Level(FactorLevel level) => level switch
    {
        FactorLevel.Individual => "Individ",
        FactorLevel.Group => "Grupp",
        FactorLevel.Society => "Samhälle",
    };

    public static string Kind(FactorKind kind) => kind switch
    {
        FactorKind.Risk => "Riskfaktor",
        FactorKind.Protective => "Skyddsfaktor",
    };

    public static string Evidence(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Query => "Händelsefråga",
        EvidenceKind.Document => "Dokument",
        EvidenceKind.Statement => "Uppgift från en aktör",
    };

    public static string Certainty(Certainty certainty) => certainty switch
    {
        Trygg.Problems.Certainty.Low => "Låg säkerhet",
        Trygg.Problems.Certainty.Medium => "Medelhög säkerhet",
        Trygg.Problems.Certainty.High => "Hög säkerhet",
    };

    public static string Indicator(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Incidents => "Händelser (räknas fram)",
        IndicatorKind.Survey => "Enkätindikator",
        IndicatorKind.Manual => "Manuellt tal",
    };

    /// <summary>"1,3" → [1, 3].</summary>
    public static int[] Numbers(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0).Where(n => n > 0).ToArray();

    public static string[] Keys(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
