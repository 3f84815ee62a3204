namespace Trygg.Indicators;

/// <summary>A survey question (with the answers counted) as an indicator: what <see cref="SurveyStore"/> creates or updates.</summary>
public sealed record SurveyIndicator(string Code, string Name, string Definition, string Source, bool HigherIsBetter)
{
    /// <summary>Indicator codes are at most 100 characters; a longer one keeps its start and gets a hash of the whole, so two long questions never share a code.</summary>
    public const int MaxCodeLength = 100;

    /// <summary>A stable code from the source and the question: "trygghetsmatningen-otrygg-i-omradet-kvallstid".</summary>
    public static string CodeFor(string source, string question)
    {
        var code = $"{Geography.AreaCodes.Slug(source)}-{Geography.AreaCodes.Slug(question)}";
        if (code.Length <= MaxCodeLength)
        {
            return code;
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)))[..8];
        return $"{code[..(MaxCodeLength - 9)].TrimEnd('-')}-{hash}";
    }

    /// <summary>The group dimensions present in the cells, as <see cref="Indicator.Dimensions"/> writes them ("kon,alder,grupp").</summary>
    public static string DimensionsOf(IEnumerable<SurveyCell> cells)
    {
        var list = cells.ToList();
        var dimensions = new List<string>();
        if (list.Any(c => c.Sex.Length > 0))
        {
            dimensions.Add("kon");
        }

        if (list.Any(c => c.AgeBand.Length > 0))
        {
            dimensions.Add("alder");
        }

        if (list.Any(c => c.Group.Length > 0))
        {
            dimensions.Add("grupp");
        }

        return string.Join(',', dimensions);
    }
}
