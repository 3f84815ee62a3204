using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Security;

/// <summary>
/// Finds personal data that must never be stored in incident text: Swedish personal identity and coordination numbers
/// (checked with the Luhn digit and a real date), e-mail addresses and phone numbers.
/// </summary>
public static partial class PersonalData
{
    /// <summary>What kind of personal data the text holds ("ett personnummer", …), or null when it holds none.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match match in IdentityNumber().Matches(text))
        {
            if (IsIdentityNumber(match.Groups["date"].Value, match.Groups["serial"].Value, out var coordination))
            {
                return coordination ? "ett samordningsnummer" : "ett personnummer";
            }
        }

        if (Email().IsMatch(text))
        {
            return "en e-postadress";
        }

        return Phone().IsMatch(text) ? "ett telefonnummer" : null;
    }

    private static bool IsIdentityNumber(string date, string serial, out bool coordination)
    {
        var digits = date[^6..] + serial;
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        coordination = day > 60;
        var realDay = coordination ? day - 60 : day;
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || realDay is < 1 or > 31)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var value = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<!\d)(?<date>(?:19|20)?\d{6})[-+ ]?(?<serial>\d{4})(?!\d)")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)(?:\+46[\s-]?|0)7\d[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)|(?<!\d)0\d{1,3}-\d{5,8}(?!\d)")]
    private static partial Regex Phone();
}
