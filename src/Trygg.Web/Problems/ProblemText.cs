using System.Globalization;

namespace Trygg.Web.Problems;

/// <summary>The problem's stored lists (focus areas "1,3", perspectives) read back for the forms.</summary>
public static class ProblemText
{
    /// <summary>"1,3" → [1, 3].</summary>
    public static int[] Numbers(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0).Where(n => n > 0).ToArray();

    public static string[] Keys(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
