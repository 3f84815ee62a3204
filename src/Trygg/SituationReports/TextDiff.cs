namespace Trygg.SituationReports;

/// <summary>Line-by-line difference of two texts (longest common subsequence), for comparing versions of a report.</summary>
public static class TextDiff
{
    public static IReadOnlyList<(DiffKind Kind, string Line)> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var result = new List<(DiffKind, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                result.Add((DiffKind.Same, a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                result.Add((DiffKind.Removed, a[x++]));
            }
            else
            {
                result.Add((DiffKind.Added, b[y++]));
            }
        }

        return result;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}

public enum DiffKind
{
    Same,
    Added,
    Removed,
}
