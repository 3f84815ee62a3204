namespace Trygg.Data;

/// <summary>Finds the demo data: the configured folder, or "shared/data" in the working directory or one of its parents (the repository sits beside shared/).</summary>
public static class DemoDataDirectory
{
    public static string? Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (File.Exists(Path.Combine(candidate, "stockholm", "stadsdelsomraden.csv")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
