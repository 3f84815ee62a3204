namespace Trygg.Tests.Operations;

/// <summary>The tests' authenticator is right before it is used against Trygg: RFC 6238's own test vectors (appendix B, SHA-1).</summary>
public sealed class TwoFactorAuthenticatorTests
{
    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1111111111, "14050471")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    [InlineData(20000000000, "65353130")]
    public void ItGivesRfc6238sCodes(long unixSeconds, string expected) =>
        Assert.Equal(expected, TwoFactorAuthenticator.Code("12345678901234567890"u8.ToArray(), DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));
}
