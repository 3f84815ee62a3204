namespace Trygg.Indicators;

/// <summary>The interval a weighted share from microdata gets.</summary>
public enum SurveyIntervalMethod
{
    /// <summary>Clopper–Pearson on the effective sample size (Korn and Graubard 1998): conservative, the default.</summary>
    KornGraubard,

    /// <summary>Wilson on the effective sample size: narrower, closer to nominal coverage on average.</summary>
    Wilson,
}
