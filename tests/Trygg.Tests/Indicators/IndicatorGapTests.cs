using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>
/// The reference figures come from R:
/// <code>
/// w &lt;- function(x, n) prop.test(x, n, correct = FALSE)$conf.int   # Wilson score interval
/// mover &lt;- function(p1, l1, u1, p2, l2, u2) { d &lt;- p1 - p2; c(d, d - sqrt((p1 - l1)^2 + (u2 - p2)^2), d + sqrt((u1 - p1)^2 + (p2 - l2)^2)) }
/// a &lt;- w(56, 70); b &lt;- w(48, 80); mover(56/70, a[1], a[2], 48/80, b[1], b[2])   # 0.2000 0.0524 0.3339 (Newcombe 1998, table II, method 10)
/// mover(38, 33.2, 43.0, 22, 18.1, 26.4)   # 16.0000 9.4885 22.3411
/// mover(30, 25.5, 34.9, 33, 28.0, 38.3)   # -3.0000 -9.9527 4.0007
/// </code>
/// </summary>
public sealed class IndicatorGapTests
{
    [Fact]
    public void NewcombesOwnExampleGivesHisInterval()
    {
        var gap = IndicatorGap.Between(56 / 70.0, 0.6918335550, 0.8769526075, 48 / 80.0, 0.4904546501, 0.7003817240);

        Assert.Equal(0.2, gap.Difference, 10);
        Assert.Equal(0.0524314724, gap.Low!.Value, 6);
        Assert.Equal(0.3338726540, gap.High!.Value, 6);
    }

    [Fact]
    public void AGapWhoseIntervalExcludesZeroIsStatisticallyCertainAndSaysSoInSwedish()
    {
        var gap = IndicatorGap.Between(38, 33.2, 43.0, 22, 18.1, 26.4);

        Assert.Equal((16.0, 9.4884717616, 22.3411355450), (gap.Difference, Math.Round(gap.Low!.Value, 10), Math.Round(gap.High!.Value, 10)));
        Assert.True(gap.IsCertain);
        Assert.Equal("skillnaden är statistiskt säker", gap.Verdict);
        Assert.Equal("16,0 procentenheter (95 % KI 9,5 till 22,3)", IndicatorText.Gap(new Indicator { Code = "x", Name = "x", Type = IndicatorType.Share }, gap));
    }

    [Fact]
    public void AGapWhoseIntervalSpansZeroMayBeChanceAndKeepsItsSwedishMinusSign()
    {
        var gap = IndicatorGap.Between(30, 25.5, 34.9, 33, 28.0, 38.3);

        Assert.Equal((-3.0, -9.9526973183, 4.0007142493), (gap.Difference, Math.Round(gap.Low!.Value, 10), Math.Round(gap.High!.Value, 10)));
        Assert.False(gap.IsCertain);
        Assert.Equal("skillnaden kan bero på slumpen", gap.Verdict);
        Assert.Equal("−3,0 procentenheter (95 % KI −10,0 till 4,0)", IndicatorText.Gap(new Indicator { Code = "x", Name = "x", Type = IndicatorType.Share }, gap));
    }

    [Fact]
    public void WithoutAnIntervalOnEitherSideNoIntervalIsClaimed()
    {
        var gap = IndicatorGap.Between(38, null, null, 22, 18.1, 26.4);

        Assert.Equal(16, gap.Difference);
        Assert.False(gap.HasInterval);
        Assert.False(gap.IsCertain);
        Assert.Equal("intervall saknas, så det går inte att säga om skillnaden är statistiskt säker", gap.Verdict);
    }

    [Fact]
    public void ASuppressedCellIsNeverCompared()
    {
        var women = new IndicatorObservation { AreaCode = "a", Period = "2025", Sex = "kvinnor", Value = 77.7, Low = 60, High = 90, Suppressed = true };
        var men = new IndicatorObservation { AreaCode = "a", Period = "2025", Sex = "män", Value = 22, Low = 18.1, High = 26.4 };

        Assert.Null(IndicatorGap.Between(women, men));
        Assert.NotNull(IndicatorGap.Between(men, men));
    }
}
