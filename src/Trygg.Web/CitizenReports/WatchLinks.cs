using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Trygg.Web.CitizenReports;

/// <summary>
/// The link a resident gets who added themselves to someone else's report: it shows the report's status and the city's answer,
/// but not the first reporter's description, photo or reopen form, which the first reporter's follow link keeps to them.
/// The token is the report's id sealed with the server's data-protection keys, so it needs no column and cannot be guessed.
/// </summary>
public sealed class WatchLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Trygg.CitizenReports.Watch");

    public string For(long reportId) =>
        $"/report/watch/{WebEncoders.Base64UrlEncode(protector.Protect(BitConverter.GetBytes(reportId)))}";

    /// <summary>The report a token names; null for a token this server did not make.</summary>
    public long? Read(string token)
    {
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == sizeof(long) ? BitConverter.ToInt64(bytes) : null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
