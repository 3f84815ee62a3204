using Trygg.FollowUp;

namespace Trygg.Tests.FollowUp;

/// <summary>
/// The WDD against Wheeler &amp; Ratcliffe's (2018) worked example, as the first author's R package ptools checks it
/// (tests/testthat/test-wdd.R, "Est &amp; Variance Paper"). Bowers &amp; Johnson's (2003) own WDQ tables were not at hand, so
/// the WDQ and TNE expectations are worked out by hand in the comments, on the paper's counts and on small made-up ones.
/// </summary>
public sealed class DisplacementEvaluationTests
{
    // Treated 207 → 110, control 308 → 318, displacement 178 → 157, displacement control 150 → 140.
    private static readonly AreaCounts PaperTreated = new(207, 110);
    private static readonly AreaCounts PaperControl = new(308, 318);
    private static readonly AreaCounts PaperBuffer = new(178, 157);
    private static readonly AreaCounts PaperBufferControl = new(150, 140);

    [Fact]
    public void TheWorkedExampleOfWheelerAndRatcliffeGivesAWddOfMinus118WithStandardErrorRoot1568()
    {
        var result = DisplacementEvaluation.Evaluate(PaperTreated, PaperBuffer, PaperControl, PaperBufferControl);

        // ΔT = 110 − 207 = −97, ΔCt = 318 − 308 = 10, ΔD = 157 − 178 = −21, ΔCd = 140 − 150 = −10
        // local WDD = −97 − 10 = −107, variance 207 + 110 + 308 + 318 = 943
        // WDD = −107 + (−21) − (−10) = −118, variance 943 + 178 + 157 + 150 + 140 = 1568
        // z = −118 / √1568 = −118 / 39.598 = −2.98; 95 % CI −118 ± 1.96 · 39.598 = −195.6 … −40.4
        Assert.Equal(-107, result.Local.Estimate);
        Assert.Equal(943, result.Local.Variance);
        Assert.Equal(-118, result.Wdd.Estimate);
        Assert.Equal(1568, result.Wdd.Variance);
        Assert.Equal(Math.Sqrt(1568), result.Wdd.StandardError, 1e-12);
        Assert.Equal(-2.98, Math.Round(result.Wdd.Z, 2));
        Assert.Equal((-196.0, -40.0), (Math.Round(result.Wdd.Low), Math.Round(result.Wdd.High)));
        Assert.Equal(0.00288, result.Wdd.P, 1e-5); // 2 Φ(−2.98), R: 2 * pnorm(-118 / sqrt(1568)) = 0.0028830
        Assert.False(result.ControlSharedWithBuffer);
    }

    [Fact]
    public void TheWdqAndTotalNetEffectOfThePapersCountsFollowBowersAndJohnson()
    {
        var result = DisplacementEvaluation.Evaluate(PaperTreated, PaperBuffer, PaperControl, PaperBufferControl);

        // SM = 110/318 − 207/308 = 0.345912 − 0.672078 = −0.326166
        // BM = 157/318 − 178/308 = 0.493711 − 0.577922 = −0.084211
        // WDQ = −0.084211 / −0.326166 = 0.2582: diffusion of benefits (0 < WDQ ≤ 1)
        // TNE = [207 · 318/308 − 110] + [178 · 318/308 − 157] = (207 + 178) · 318/308 − 267 = 385 · 1.032468 − 267 = 397.5 − 267 = 130.5
        Assert.Equal(-0.326166, result.SuccessMeasure!.Value, 1e-6);
        Assert.Equal(-0.084211, result.BufferMeasure!.Value, 1e-6);
        Assert.Equal(0.258186, result.Wdq!.Value, 1e-6);
        Assert.Equal(130.5, result.TotalNetEffect!.Value, 1e-9);
        Assert.Equal(
            "Minskningen i området och buffertzonen är större än i jämförelseområdet (WDD −118, 95 % KI −196 till −40, p = 0,003); "
            + "ingen förflyttning till buffertzonen syns, i stället sprids nyttan dit (WDQ 0,26). "
            + "Räknat med buffertzonen är den totala nettoeffekten 130,5 brott färre än jämförelseområdets utveckling förutsäger (TNE).",
            result.Conclusion);
    }

    [Fact]
    public void ASmallDiffusionExampleMatchesTheHandArithmeticAndMayBeChance()
    {
        // A 100 → 60, B 80 → 70, C 200 → 200, D 90 → 90
        // SM = 60/200 − 100/200 = −0.20; BM = 70/200 − 80/200 = −0.05; WDQ = −0.05 / −0.20 = 0.25
        // TNE = [100 · 200/200 − 60] + [80 · 200/200 − 70] = 40 + 10 = 50
        // WDD = (−40 − 0) + (−10 − 0) = −50, variance 100 + 60 + 200 + 200 + 80 + 70 + 90 + 90 = 890, SE = 29.833
        // z = −1.676, p = 2 Φ(−1.676) = 0.0937; 95 % CI −50 ± 58.47 = −108.5 … 8.5
        var result = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 70), new(200, 200), new(90, 90));

        Assert.Equal(-0.20, result.SuccessMeasure!.Value, 1e-12);
        Assert.Equal(-0.05, result.BufferMeasure!.Value, 1e-12);
        Assert.Equal(0.25, result.Wdq!.Value, 1e-12);
        Assert.Equal(50, result.TotalNetEffect!.Value, 1e-12);
        Assert.Equal(-50, result.Wdd.Estimate);
        Assert.Equal(890, result.Wdd.Variance);
        Assert.Equal(0.0937, result.Wdd.P, 1e-4);
        Assert.StartsWith("Skillnaden mot jämförelseområdet kan vara slump (WDD −50, 95 % KI −108 till 8, p = 0,094)", result.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void CrimeMovingToTheBufferGivesANegativeWdqAndASmallerNetEffect()
    {
        // A 100 → 60, B 80 → 100, C 200 → 200
        // SM = −0.20; BM = 100/200 − 80/200 = +0.10; WDQ = 0.10 / −0.20 = −0.5: displacement, less than the direct effect
        // TNE = 40 + [80 − 100] = 20
        var result = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 100), new(200, 200));

        Assert.Equal(-0.5, result.Wdq!.Value, 1e-12);
        Assert.Equal(20, result.TotalNetEffect!.Value, 1e-12);
        Assert.Contains("en del brott flyttar till buffertzonen, men färre än åtgärden förhindrar i området (WDQ −0,50)", result.Conclusion, StringComparison.Ordinal);

        // B 80 → 130: BM = +0.25, WDQ = −1.25: the buffer gains more than the area loses; TNE = 40 − 50 = −10
        var worse = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 130), new(200, 200));
        Assert.Equal(-1.25, worse.Wdq!.Value, 1e-12);
        Assert.Equal(-10, worse.TotalNetEffect!.Value, 1e-12);
        Assert.Contains("fler brott flyttar till buffertzonen än åtgärden förhindrar", worse.Conclusion, StringComparison.Ordinal);
        Assert.Contains("10 brott fler", worse.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedBufferIsNoDisplacementAndABufferThatGainsMoreIsDiffusionBeyondTheDirectEffect()
    {
        // A 100 → 60, C 200 → 200: SM = −0.20. B 80 → 80: BM = 0, WDQ = 0. B 80 → 30: BM = 30/200 − 80/200 = −0.25, WDQ = 1.25
        var unchanged = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 80), new(200, 200));
        var spread = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 30), new(200, 200));

        Assert.Equal(0, unchanged.Wdq);
        Assert.Contains("ingen förflyttning till eller spridning av nyttan till buffertzonen syns (WDQ 0,00)", unchanged.Conclusion, StringComparison.Ordinal);
        Assert.Equal(1.25, spread.Wdq!.Value, 1e-12);
        Assert.Contains("nyttan sprids till buffertzonen och är där större än den direkta effekten (WDQ 1,25)", spread.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void OneControlForBothAreasCountsItsVarianceFourTimes()
    {
        // D = C: WDD = ΔA + ΔB − 2ΔC = −40 − 10 − 0 = −50; Var = 100 + 60 + 80 + 70 + 2² · (200 + 200) = 1910
        var result = DisplacementEvaluation.Evaluate(new(100, 60), new(80, 70), new(200, 200));

        Assert.True(result.ControlSharedWithBuffer);
        Assert.Equal(-50, result.Wdd.Estimate);
        Assert.Equal(1910, result.Wdd.Variance);
        Assert.Equal(560, result.Local.Variance);
    }

    [Fact]
    public void NoChangeRelativeToTheControlLeavesTheWdqUndefined()
    {
        // SM = 50/100 − 100/200 = 0.5 − 0.5 = 0
        var result = DisplacementEvaluation.Evaluate(new(100, 50), new(40, 30), new(200, 100));

        Assert.Equal(0, result.SuccessMeasure);
        Assert.Null(result.Wdq);
        Assert.Contains("WDQ kan inte beräknas eftersom området inte minskade i förhållande till jämförelseområdet", result.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAreaThatDidWorseThanTheControlGetsNoWdq()
    {
        // SM = 80/100 − 50/100 = +0.3: the area got worse relative to the control; a quotient would read the wrong way round
        var result = DisplacementEvaluation.Evaluate(new(50, 80), new(40, 30), new(100, 100));

        Assert.Equal(0.3, result.SuccessMeasure!.Value, 1e-12);
        Assert.Null(result.Wdq);
        Assert.Contains("området inte minskade", result.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChangeAnywhereGivesPOne()
    {
        var result = DisplacementEvaluation.Evaluate(new(30, 30), new(20, 20), new(40, 40), new(25, 25));

        Assert.Equal(0, result.Wdd.Estimate);
        Assert.Equal(1, result.Wdd.P, 1e-6);
        Assert.Equal(1, result.Local.P, 1e-6);
        Assert.Contains("kan vara slump", result.Conclusion, StringComparison.Ordinal);

        var empty = DisplacementEvaluation.Evaluate(new(0, 0), new(0, 0), new(0, 0));
        Assert.Equal(1, empty.Wdd.P, 1e-6);
        Assert.Contains("inga händelser", empty.Conclusion, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeCountsAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => DisplacementEvaluation.Evaluate(new(-1, 5), new(3, 3), new(10, 10)));
        Assert.Contains("negativ", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DisplacementEvaluation.Evaluate(new(1, 5), new(3, -3), new(10, 10)));
        Assert.Throws<ArgumentException>(() => DisplacementEvaluation.Evaluate(new(1, 5), new(3, 3), new(10, -10)));
        Assert.Throws<ArgumentException>(() => DisplacementEvaluation.Evaluate(new(1, 5), new(3, 3), new(10, 10), new(-2, 4)));
    }

    [Fact]
    public void AControlWithoutIncidentsLeavesTheRatiosEmptyButTheWddStands()
    {
        var noneBefore = DisplacementEvaluation.Evaluate(new(20, 10), new(15, 12), new(0, 8));
        Assert.Null(noneBefore.SuccessMeasure);
        Assert.Null(noneBefore.BufferMeasure);
        Assert.Null(noneBefore.Wdq);
        Assert.Null(noneBefore.TotalNetEffect);
        Assert.True(double.IsFinite(noneBefore.Wdd.P));
        Assert.Contains("jämförelseområdet saknar händelser före åtgärden", noneBefore.Conclusion, StringComparison.Ordinal);
        Assert.Contains("nettoeffekten (TNE) kan inte beräknas", noneBefore.Conclusion, StringComparison.Ordinal);

        // C₁ = 0: A₁/C₁ has no value, but TNE's C₁/C₀ = 0 does: TNE = [20 · 0 − 10] + [15 · 0 − 12] = −22
        var noneAfter = DisplacementEvaluation.Evaluate(new(20, 10), new(15, 12), new(8, 0));
        Assert.Null(noneAfter.Wdq);
        Assert.Equal(-22, noneAfter.TotalNetEffect!.Value, 1e-12);
        Assert.Contains("jämförelseområdet saknar händelser efter åtgärden", noneAfter.Conclusion, StringComparison.Ordinal);
    }
}
