using System.Globalization;
using System.Text.RegularExpressions;

namespace Trygg.Indicators;

/// <summary>
/// How survey files name their groups, mapped to the observation's dimensions: "kvinnor"/"flickor" → sex "kvinnor", "män"/"pojkar" →
/// "män", "16-24"/"16–24 år"/"65+" → age band, anything else ("åk 9", "född utomlands") → another group; "alla"/"totalt"/empty → everyone.
/// </summary>
public static partial class SurveyGroups
{
    public const string Women = "kvinnor";
    public const string Men = "män";

    private const int MaxGroupLength = 100;

    private static readonly HashSet<string> Everyone = new(["", "alla", "totalt", "total", "samtliga", "båda könen", "alla svarande"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> WomenNames = new(["kvinnor", "kvinna", "flickor", "flicka", "tjejer", "tjej", "k", "f"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> MenNames = new(["män", "man", "pojkar", "pojke", "killar", "kille", "m", "p"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Answers to the sex question that count in the totals but in neither sex's cell.</summary>
    private static readonly HashSet<string> NeitherSex = new(["", "annat", "annan", "ickebinär", "vill inte svara", "vill ej svara", "vill ej uppge", "vet ej", "uppgift saknas"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A group as an aggregated table writes it, as (sex, age band, group); null with a reason when it cannot be stored.</summary>
    public static (string Sex, string AgeBand, string Group)? Classify(string? text, out string? error)
    {
        error = null;
        var trimmed = (text ?? "").Trim();
        if (Everyone.Contains(trimmed))
        {
            return ("", "", "");
        }

        if (WomenNames.Contains(trimmed) && trimmed.Length > 1)
        {
            return (Women, "", "");
        }

        if (MenNames.Contains(trimmed) && trimmed.Length > 1)
        {
            return (Men, "", "");
        }

        if (AgeBand(trimmed) is { } band)
        {
            return ("", band, "");
        }

        if (trimmed.Length > MaxGroupLength)
        {
            error = $"Gruppens namn är längre än {MaxGroupLength} tecken.";
            return null;
        }

        return ("", "", trimmed);
    }

    /// <summary>A respondent's sex as microdata writes it: "kvinnor", "män" or "" (another answer or none); null when it is not recognised.</summary>
    public static string? Sex(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return WomenNames.Contains(trimmed) ? Women
            : MenNames.Contains(trimmed) ? Men
            : NeitherSex.Contains(trimmed) ? ""
            : null;
    }

    /// <summary>"16-24", "16–24 år", "16 - 24" → "16-24"; "65+", "65-", "65 år och äldre" → "65-"; null when the text is no age band.</summary>
    public static string? AgeBand(string? text)
    {
        var match = AgeBandPattern().Match((text ?? "").Trim());
        if (!match.Success)
        {
            return null;
        }

        var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["to"].Success)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{from}-");
        }

        var to = int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture);
        return to >= from ? string.Create(CultureInfo.InvariantCulture, $"{from}-{to}") : null;
    }

    /// <summary>Age bands written as a list ("16-24, 25-44, 45-64, 65-"), in order; null with a reason when one is not an age band or they overlap.</summary>
    public static IReadOnlyList<(int From, int? To, string Name)>? ParseBands(string? text, out string? error)
    {
        error = null;
        var bands = new List<(int From, int? To, string Name)>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AgeBand(part) is not { } name)
            {
                error = $"Åldersgruppen '{part}' kan inte tolkas; skriv t.ex. 16-24, 25-44, 45-64, 65-.";
                return null;
            }

            var ends = name.Split('-');
            int from = int.Parse(ends[0], CultureInfo.InvariantCulture);
            int? to = ends[1].Length > 0 ? int.Parse(ends[1], CultureInfo.InvariantCulture) : null;
            if (bands.Count > 0 && (bands[^1].To is not { } previousEnd || from <= previousEnd))
            {
                error = $"Åldersgruppen '{part}' överlappar den före; skriv grupperna i stigande ordning utan överlapp.";
                return null;
            }

            bands.Add((from, to, name));
        }

        return bands;
    }

    [GeneratedRegex(@"^(?<from>\d{1,3})\s*(?:(?:[-–]|till)\s*(?<to>\d{1,3})\s*(?:år)?|\+|-|–|\s*år\s*(?:och|eller)\s*(?:äldre|över))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgeBandPattern();
}
