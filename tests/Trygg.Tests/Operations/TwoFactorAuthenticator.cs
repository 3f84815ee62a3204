using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Trygg.Tests.Operations;

/// <summary>What a phone's authenticator app does, written from the RFCs so that the tests do not trust Identity to check itself.</summary>
public static class TwoFactorAuthenticator
{
    /// <summary>RFC 6238 TOTP with HMAC-SHA1 and 30-second steps, as every authenticator app computes it (RFC 4226 truncation).</summary>
    public static string Code(byte[] key, DateTimeOffset time, int digits = 6)
    {
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, time.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238's algorithm, as the apps and Identity use it; HMAC-SHA1 is not weak as a MAC.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % (int)Math.Pow(10, digits)).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 Base32, the alphabet authenticator keys are written in.</summary>
    public static byte[] Key(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
