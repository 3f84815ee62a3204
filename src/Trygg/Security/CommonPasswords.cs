using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Trygg.Security;

/// <summary>
/// Refuses the passwords that are tried first in a password-spraying attack even when they are ten characters long:
/// a common word with digits and signs around it ("Sommar2026!", "Lösenord123", "Qwertyuiop1"), digits only, or one
/// character repeated. The lockout stops guessing one account; this stops one guess from working on many.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<TryggUser>
{
    /// <summary>The words that stay when digits and signs are taken away: what Swedish and English password lists start with.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "password", "passw", "passwd", "lösenord", "losenord", "losen", "lösen", "qwerty", "qwertyuiop", "qwertyui", "asdfghjkl", "asdfgh",
        "zxcvbnm", "abc", "abcdef", "abcdefgh", "abcdefghij", "welcome", "välkommen", "valkommen", "letmein", "admin", "administrator",
        "sommar", "vinter", "hösten", "hosten", "höst", "vår", "var", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
        "september", "oktober", "november", "december", "summer", "winter", "spring", "autumn", "stockholm", "sverige", "trygg",
        "kommun", "iloveyou", "monkey", "dragon", "football", "fotboll", "hejsan", "hej", "test", "changeme",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<TryggUser> manager, TryggUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var letters = new string(password.ToLower(CultureInfo.GetCultureInfo("sv-SE")).Where(char.IsLetter).ToArray());
        var common = letters.Length == 0 || Words.Contains(letters) || password.Distinct().Count() < 4;
        return Task.FromResult(common
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Lösenordet är för vanligt och gissas lätt. Välj en mening eller flera ord som inte hör ihop.",
            })
            : IdentityResult.Success);
    }
}
