using Trygg.Ingestion;

namespace Trygg.Tests.Ingestion;

public sealed class PolisenTimeTests
{
    [Fact]
    public void APublishedTimeWithAOneDigitHourIsRead()
    {
        Assert.True(PolisenTime.TryParsePublished("2023-06-29 7:36:39 +02:00", out var published));

        Assert.Equal(new DateTimeOffset(2023, 6, 29, 5, 36, 39, TimeSpan.Zero), published.ToUniversalTime());
    }

    [Theory]
    [InlineData("igår")]
    [InlineData("2023-13-01 10:00:00 +01:00")]
    [InlineData("")]
    public void AnUnreadablePublishedTimeIsNotGuessed(string text)
    {
        Assert.False(PolisenTime.TryParsePublished(text, out _));
    }

    [Fact]
    public void TheEventTimeComesFromTheTitleInSwedishTime()
    {
        Assert.True(PolisenTime.TryParsePublished("2023-03-20 11:04:29 +01:00", out var published));

        var occurred = PolisenTime.ParseOccurred("20 mars 10.14, Trafikolycka, Malmö", published);

        Assert.Equal(new DateTimeOffset(2023, 3, 20, 9, 14, 0, TimeSpan.Zero), occurred?.ToUniversalTime());
    }

    [Fact]
    public void ADecemberEventPublishedInJanuaryBelongsToTheYearBefore()
    {
        Assert.True(PolisenTime.TryParsePublished("2024-01-01 00:40:00 +01:00", out var published));

        var occurred = PolisenTime.ParseOccurred("31 december 23:50, Brand, Stockholm", published);

        Assert.Equal(new DateTimeOffset(2023, 12, 31, 22, 50, 0, TimeSpan.Zero), occurred?.ToUniversalTime());
    }

    [Fact]
    public void ATitleWithoutATimeGivesNone()
    {
        Assert.True(PolisenTime.TryParsePublished("2024-01-01 00:40:00 +01:00", out var published));

        Assert.Null(PolisenTime.ParseOccurred("Sammanfattning natt, Stockholms län", published));
    }
}
