using Trygg.Indicators;

namespace Trygg.Tests.Indicators;

public sealed class SurveyGroupsTests
{
    [Theory]
    [InlineData("Kvinnor", "kvinnor", "", "")]
    [InlineData("flickor", "kvinnor", "", "")]
    [InlineData("Pojkar", "män", "", "")]
    [InlineData("män", "män", "", "")]
    [InlineData("16–24 år", "", "16-24", "")]
    [InlineData("65+", "", "65-", "")]
    [InlineData("65 år och äldre", "", "65-", "")]
    [InlineData("åk 9", "", "", "åk 9")]
    [InlineData("Totalt", "", "", "")]
    [InlineData("", "", "", "")]
    public void TheGroupsSurveyTablesWriteBecomeSexAgeBandOrAnotherGroup(string written, string sex, string ageBand, string group)
    {
        Assert.Equal((sex, ageBand, group), SurveyGroups.Classify(written, out _));
    }

    [Fact]
    public void AnAgeBandEndingBeforeItStartsIsAnotherGroupNotAnAgeBand()
    {
        Assert.Null(SurveyGroups.AgeBand("24-16"));
    }

    [Fact]
    public void RespondentsWhoAnswerAnotherSexCountInTheTotalButAnUnreadableAnswerIsRefused()
    {
        string[] answers = ["Kvinna", "M", "Annat", ""];

        Assert.Equal(["kvinnor", "män", "", ""], answers.Select(SurveyGroups.Sex));
        Assert.Null(SurveyGroups.Sex("3"));
    }

    [Fact]
    public void ALongQuestionGetsACodeOfAtMostAHundredCharactersThatStillTellsItApart()
    {
        var question = new string('a', 120);

        var first = SurveyIndicator.CodeFor("Trygghetsmätningen", question + " kväll");
        var second = SurveyIndicator.CodeFor("Trygghetsmätningen", question + " dag");

        Assert.Equal(100, first.Length);
        Assert.NotEqual(first, second);
        Assert.StartsWith("trygghetsmatningen-aaaa", first, StringComparison.Ordinal);
    }
}
