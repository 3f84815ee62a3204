using Trygg.Analysis;
using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

/// <summary>Every expected number was computed independently in R 4 (base R only); the command is beside it.</summary>
public sealed class ProportionsTests
{
    private const int Digits = 9;

    [Fact]
    public void WilsonsIntervalIsRsPropTestWithoutContinuityCorrection()
    {
        // prop.test(45, 120, correct = FALSE)$conf.int → 0.2935242979 0.4642304937
        var (low, high) = Proportions.Wilson(45 / 120.0, 120);

        Assert.Equal(0.2935242979, low, Digits);
        Assert.Equal(0.4642304937, high, Digits);
    }

    [Fact]
    public void WilsonsIntervalForNoneOrAllStaysInsideZeroToOneAndIsNotEmpty()
    {
        // prop.test(0, 30, correct = FALSE)$conf.int → 0 0.1135133932; prop.test(30, 30, …) → 0.8864866068 1
        Assert.Equal((0, 0.1135133932), Round(Proportions.Wilson(0, 30)));
        Assert.Equal((0.8864866068, 1), Round(Proportions.Wilson(1, 30)));
    }

    [Fact]
    public void ClopperPearsonIsRsBinomTest()
    {
        // binom.test(7, 31)$conf.int → 0.09594216835 0.41096386614; binom.test(0, 31)$conf.int → 0 0.1121887469
        var (low, high) = Proportions.ClopperPearson(7 / 31.0, 31);

        Assert.Equal(0.09594216835, low, Digits);
        Assert.Equal(0.41096386614, high, Digits);
        Assert.Equal((0, 0.1121887469), Round(Proportions.ClopperPearson(0, 31)));
    }

    [Fact]
    public void AWeightedShareGetsKornGraubardsIntervalOnKishsEffectiveSampleSize()
    {
        // w <- c(0.8,1.2,1.5,0.6,2.0,1.1,0.9,1.3,0.7,1.6,1.0,0.5); y <- c(1,0,1,0,1,1,0,0,1,0,0,0)
        // p <- sum(w*y)/sum(w) → 0.4621212121; neff <- sum(w)^2/sum(w^2) → 10.4335329341; x <- p*neff
        // c(qbeta(0.025, x, neff-x+1), qbeta(0.975, x+1, neff-x)) → 0.1662824041 0.7794818674
        double[] weights = [0.8, 1.2, 1.5, 0.6, 2.0, 1.1, 0.9, 1.3, 0.7, 1.6, 1.0, 0.5];
        bool[] answered = [true, false, true, false, true, true, false, false, true, false, false, false];
        var share = weights.Where((_, i) => answered[i]).Sum() / weights.Sum();

        var effectiveN = Proportions.EffectiveSampleSize(weights);
        var (low, high) = Proportions.KornGraubard(share, effectiveN);

        Assert.Equal(0.4621212121, share, Digits);
        Assert.Equal(10.4335329341, effectiveN, Digits);
        Assert.Equal(0.1662824041, low, Digits);
        Assert.Equal(0.7794818674, high, Digits);
    }

    [Fact]
    public void WilsonOnTheEffectiveSampleSizeIsTheNarrowerAlternative()
    {
        // z <- qnorm(0.975); Wilson's formula with p = 0.4621212121, n = neff = 10.4335329341 → 0.2134829089 0.7311461897
        var (low, high) = Proportions.Wilson(0.46212121212121215, 10.433532934131737);

        Assert.Equal(0.2134829089, low, Digits);
        Assert.Equal(0.7311461897, high, Digits);
    }

    [Fact]
    public void TheDegreesOfFreedomAdjustmentShrinksTheEffectiveSampleSizeAsKornAndGraubardPropose()
    {
        // neffa <- 30*(qt(0.975, 40-1)/qt(0.975, 12))^2; x <- 0.25*neffa
        // c(qbeta(0.025, x, neffa-x+1), qbeta(0.975, x+1, neffa-x)) → 0.1021965582 0.4580258159
        var (low, high) = Proportions.KornGraubard(0.25, 30, sampleSize: 40, degreesOfFreedom: 12);

        Assert.Equal(0.1021965582, low, Digits);
        Assert.Equal(0.4580258159, high, Digits);
    }

    [Fact]
    public void TheGapBetweenTwoGroupsGetsNewcombesHybridScoreInterval()
    {
        // Newcombe (1998), Statistics in Medicine 17:873, table II example (a), 56/70 − 48/80: 0.0524 to 0.3339. In R:
        // a <- prop.test(56,70,correct=FALSE)$conf.int; b <- prop.test(48,80,correct=FALSE)$conf.int; d <- 56/70-48/80
        // d - sqrt((56/70-a[1])^2+(b[2]-48/80)^2); d + sqrt((a[2]-56/70)^2+(48/80-b[1])^2) → 0.0524314724 0.3338726540
        var (difference, low, high) = Proportions.Difference(56 / 70.0, 70, 48 / 80.0, 80);

        Assert.Equal(0.2, difference, Digits);
        Assert.Equal(0.0524314724, low, Digits);
        Assert.Equal(0.3338726540, high, Digits);
    }

    [Fact]
    public void TheBetaAndStudentFunctionsAgreeWithR()
    {
        // pbeta(0.3, 2.5, 7.25) → 0.6604822736; qbeta(0.9, 0.5, 0.5) → 0.9755282581; qt(0.975, 10) → 2.228138852; qt(0.025, 3.5) → -2.940088638
        Assert.Equal(0.6604822736, Distributions.RegularizedBeta(0.3, 2.5, 7.25), Digits);
        Assert.Equal(0.9755282581, Distributions.BetaQuantile(0.9, 0.5, 0.5), Digits);
        Assert.Equal(2.228138852, Distributions.StudentTQuantile(0.975, 10), 8);
        Assert.Equal(-2.940088638, Distributions.StudentTQuantile(0.025, 3.5), 8);
    }

    private static (double, double) Round((double Low, double High) interval) => (Math.Round(interval.Low, 10), Math.Round(interval.High, 10));
}
