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

    /// <summary>
    /// What <see cref="Find"/> finds, or a common first name followed by a capitalised word, read as a person's name: for text about
    /// people (serious talks, field reports, safety walks), where a name is the likeliest slip. Elsewhere names of staff and places
    /// belong in the text, so <see cref="Find"/> alone applies.
    /// </summary>
    public static string? FindWithNames(string? text)
    {
        if (Find(text) is { } found)
        {
            return found;
        }

        return text is not null && FullName().Matches(text).Any(m => FirstNames.Contains(m.Groups["first"].Value)) ? "ett namn" : null;
    }

    /// <summary>
    /// Adds, for each free-text field that holds personal data and has no message yet, the message under the field's key,
    /// so a form says which field to correct. Every form of free text calls this; <see cref="PersonalDataGuard"/> backs it up.
    /// </summary>
    public static void Refuse(IDictionary<string, string> errors, params (string Field, string? Text)[] fields)
    {
        foreach (var (field, text) in fields)
        {
            if (!errors.ContainsKey(field) && Find(text) is { } found)
            {
                errors[field] = $"Texten innehåller {found}. Skriv inga personuppgifter.";
            }
        }
    }

    /// <summary>
    /// Whether ten or twelve digits are a personal identity or coordination number: a real date (the day plus 60 for a
    /// coordination number; with six digits, a date in either the 1900s or the 2000s) and the Luhn check digit.
    /// </summary>
    private static bool IsIdentityNumber(string date, string serial, out bool coordination)
    {
        var digits = date[^6..] + serial;
        var day = int.Parse(digits.AsSpan(4, 2), CultureInfo.InvariantCulture);
        coordination = day > 60;
        var realDay = coordination ? day - 60 : day;
        var month = int.Parse(digits.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var yearInCentury = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        int[] years = date.Length == 8 ? [int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture)] : [1900 + yearInCentury, 2000 + yearInCentury];
        if (month is < 1 or > 12 || realDay < 1 || !years.Any(year => realDay <= DateTime.DaysInMonth(year, month)))
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

    /// <summary>Common Swedish first names (SCB's most frequent); a capitalised word after one of them reads as a name.</summary>
    private static readonly HashSet<string> FirstNames = new(StringComparer.Ordinal)
    {
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Marie", "Malin", "Jenny", "Hanna", "Linda", "Elin", "Sofia",
        "Annika", "Susanne", "Monica", "Birgitta", "Ida", "Julia", "Johanna", "Amanda", "Ella", "Maja", "Alice", "Elsa", "Wilma", "Ebba", "Fatima", "Amina",
        "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Thomas", "Jan", "Daniel", "Fredrik", "Hans", "Andreas", "Stefan", "Mohammed",
        "Mohamed", "Ahmed", "Ali", "Hassan", "Omar", "Mats", "Magnus", "Jonas", "Bengt", "Oskar", "Alexander", "William", "Lucas", "Liam", "Elias", "Hugo",
        "Noah", "Adam", "Leo", "Filip", "Oliver", "Axel", "Viktor", "Emil", "Isak", "Anton", "Ibrahim", "Yusuf", "Abdi", "Mustafa",
    };

    [GeneratedRegex(@"\b(?<first>\p{Lu}\p{Ll}+)\s+\p{Lu}\p{Ll}+")]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?<!\d)(?<date>(?:19|20)?\d{6})[-+ ]?(?<serial>\d{4})(?!\d)")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // A mobile number (07x, also as +46 7x) in any usual grouping, or a landline with its area code and a dash ("08-508 000 00").
    [GeneratedRegex(@"(?<!\d)(?:\+46[\s-]?|0)7\d[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)|(?<!\d)0\d{1,3}-(?:\d\s?){4,7}\d(?!\d)")]
    private static partial Regex Phone();
}
