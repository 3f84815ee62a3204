using System.Globalization;
using Trygg.Security;

namespace Trygg.Web.Security;

/// <summary>
/// The authenticator app's side of the second factor (RFC 6238 TOTP through Identity's authenticator token provider):
/// who may use it, the secret shown as text, and the otpauth:// address an app opens or a person pastes.
/// No QR code: drawing one needs a dependency or a QR encoder of our own, and every authenticator app accepts the key as text.
/// </summary>
public static class TwoFactorKeys
{
    public const string Issuer = "Trygg";

    /// <summary>The roles that hold the keys to everything: the second factor is offered to them.</summary>
    public const string Roles = Trygg.Security.Roles.Administrator + "," + Trygg.Security.Roles.Coordinator;

    /// <summary>Recovery codes made at a time; each signs in once when the phone is lost.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The Base32 key in groups of four, easier to type into a phone: "ABCD EFGH …".</summary>
    public static string Readable(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));

    public static string OtpAuthUri(string account, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30");

    /// <summary>The six digits a person typed, without the space or dash an app shows inside a code ("123 456").</summary>
    public static string Code(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>A recovery code as typed, without spaces; its own dash ("abcde-fghij") is part of it.</summary>
    public static string RecoveryCode(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
}
