using System.Globalization;
using Trygg.Analysis;

namespace Trygg.FollowUp;

/// <summary>
/// Whether a measure worked in its area (A), and whether crime moved to or the benefit spread into the buffer around it (B),
/// judged against a control area (C): Bowers &amp; Johnson's (2003, J. Quant. Criminol. 19:275) weighted displacement
/// quotient WDQ = (B₁/C₁ − B₀/C₀) / (A₁/C₁ − A₀/C₀) with the total net effect in the form Guerette (2009, POP tool guide 10,
/// app. B) writes out, TNE = [A₀·C₁/C₀ − A₁] + [B₀·C₁/C₀ − B₁]; and Wheeler &amp; Ratcliffe's (2018, Crime Sci. 7:11) weighted
/// displacement difference WDD = ΔA − ΔC + ΔB − ΔD (Δ = after − before, D the buffer's own control) with its Poisson
/// variance, the sum of the counts, and a normal test.
/// </summary>
public static class DisplacementEvaluation
{
    private const double Z95 = 1.96;
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Without <paramref name="bufferControl"/> the control C stands in for D. Then WDD = ΔA + ΔB − 2ΔC, and C's counts enter
    /// the variance four times (Var(2X) = 4 Var X), not twice as the four-area formula would have it.
    /// </summary>
    public static DisplacementEvaluationResult Evaluate(AreaCounts treated, AreaCounts buffer, AreaCounts control, AreaCounts? bufferControl = null)
    {
        if (treated.Before < 0 || treated.After < 0 || buffer.Before < 0 || buffer.After < 0 || control.Before < 0 || control.After < 0
            || bufferControl is { Before: < 0 } or { After: < 0 })
        {
            throw new ArgumentException("Antalet händelser kan inte vara negativt.");
        }

        var local = Test(treated.Change - control.Change, (double)treated.Before + treated.After + control.Before + control.After);
        var shared = bufferControl is null;
        var d = bufferControl ?? control;
        var bufferVariance = (double)buffer.Before + buffer.After + (shared ? 3.0 * (control.Before + control.After) : (double)d.Before + d.After);
        var total = Test(local.Estimate + buffer.Change - d.Change, local.Variance + bufferVariance);

        double? success = null, bufferMeasure = null, quotient = null, netEffect = null;
        if (control.Before > 0)
        {
            var trend = (double)control.After / control.Before;
            netEffect = (treated.Before * trend) - treated.After + ((buffer.Before * trend) - buffer.After);
        }

        if (control.Before > 0 && control.After > 0)
        {
            success = ((double)treated.After / control.After) - ((double)treated.Before / control.Before);
            bufferMeasure = ((double)buffer.After / control.After) - ((double)buffer.Before / control.Before);
            if (RatioChangeSign(treated, control) < 0)
            {
                quotient = RatioChangeSign(buffer, control) == 0 ? 0 : bufferMeasure / success;
            }
        }

        return new DisplacementEvaluationResult(success, bufferMeasure, quotient, netEffect, local, total, shared,
            Conclusion(treated, control, total, quotient, netEffect));
    }

    /// <summary>The sign of X₁/C₁ − X₀/C₀, from integers so that "no change relative to control" is exact.</summary>
    private static int RatioChangeSign(AreaCounts x, AreaCounts control) =>
        Math.Sign(((long)x.After * control.Before) - ((long)x.Before * control.After));

    private static WddTest Test(double estimate, double variance)
    {
        var standardError = Math.Sqrt(variance);

        // A variance of 0 means every count is 0, and so is the estimate: nothing happened, which is no evidence of anything.
        var z = standardError > 0 ? estimate / standardError : 0;
        var p = Math.Min(1, 2 * Distributions.NormalUpperTail(Math.Abs(z)));
        return new WddTest(estimate, variance, standardError, z, p, estimate - (Z95 * standardError), estimate + (Z95 * standardError));
    }

    private static string Conclusion(AreaCounts treated, AreaCounts control, WddTest wdd, double? quotient, double? netEffect)
    {
        var figures = string.Create(Swedish, $"WDD {wdd.Estimate:0}, 95 % KI {wdd.Low:0} till {wdd.High:0}, p {PValue(wdd.P)}");
        var first = wdd.P >= 0.05
            ? $"Skillnaden mot jämförelseområdet kan vara slump ({figures})"
            : wdd.Estimate < 0
                ? $"Minskningen i området och buffertzonen är större än i jämförelseområdet ({figures})"
                : $"Brotten ökade mer i området och buffertzonen än i jämförelseområdet ({figures})";

        string second;
        if (control.Before == 0 || control.After == 0)
        {
            second = $"WDQ kan inte beräknas eftersom jämförelseområdet saknar händelser {(control.Before == 0 ? "före" : "efter")} åtgärden";
        }
        else if (quotient is not { } q)
        {
            second = "WDQ kan inte beräknas eftersom området inte minskade i förhållande till jämförelseområdet";
        }
        else
        {
            var wdq = string.Create(Swedish, $"WDQ {q:0.00}");
            second = q switch
            {
                > 1 => $"nyttan sprids till buffertzonen och är där större än den direkta effekten ({wdq})",
                > 0 => $"ingen förflyttning till buffertzonen syns, i stället sprids nyttan dit ({wdq})",
                0 => $"ingen förflyttning till eller spridning av nyttan till buffertzonen syns ({wdq})",
                >= -1 => $"en del brott flyttar till buffertzonen, men färre än åtgärden förhindrar i området ({wdq})",
                _ => $"fler brott flyttar till buffertzonen än åtgärden förhindrar i området ({wdq})",
            };
        }

        var third = netEffect is { } tne
            ? string.Create(Swedish, $" Räknat med buffertzonen är den totala nettoeffekten {Math.Abs(tne):0.#} brott {(tne >= 0 ? "färre" : "fler")} än jämförelseområdets utveckling förutsäger (TNE).")
            : " Den totala nettoeffekten (TNE) kan inte beräknas utan händelser i jämförelseområdet före åtgärden.";
        var caveat = treated.Before + treated.After + control.Before + control.After == 0
            ? " Det finns inga händelser i området eller jämförelseområdet att dra slutsatser av."
            : string.Empty;
        return $"{first}; {second}.{third}{caveat}";
    }

    private static string PValue(double p) => p < 0.001 ? "< 0,001" : string.Create(Swedish, $"= {p:0.000}");
}

/// <summary>An area's incident count before and after the measure started, over periods of equal length.</summary>
public readonly record struct AreaCounts(int Before, int After)
{
    public int Change => After - Before;
}

/// <summary>A weighted displacement difference: the estimate (negative = fewer crimes), its variance and standard error, z, the two-sided p and the 95 % interval.</summary>
public sealed record WddTest(double Estimate, double Variance, double StandardError, double Z, double P, double Low, double High);

/// <summary>
/// SM, BM and WDQ (null where the control has no incidents; WDQ also null unless SM &lt; 0, the only case it is defined for),
/// TNE (positive = crimes prevented; null without control incidents before), the local WDD (ΔA − ΔC) and the WDD with the
/// buffer, whether C stood in for the buffer's control, and the conclusion in Swedish.
/// </summary>
public sealed record DisplacementEvaluationResult(
    double? SuccessMeasure,
    double? BufferMeasure,
    double? Wdq,
    double? TotalNetEffect,
    WddTest Local,
    WddTest Wdd,
    bool ControlSharedWithBuffer,
    string Conclusion);
