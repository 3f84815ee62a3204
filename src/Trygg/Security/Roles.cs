namespace Trygg.Security;

/// <summary>The roles of DESIGN.md, named exactly as there everywhere a role is named. Residents (Allmänheten) are anonymous and have no role.</summary>
public static class Roles
{
    public const string Administrator = "Administratör";
    public const string Coordinator = "Samordnare";
    public const string Analyst = "Analytiker";
    public const string Staff = "Medarbetare";
    public const string Reporter = "Rapportör";
    public const string Reader = "Läsare";

    public static readonly IReadOnlyList<string> All = [Administrator, Coordinator, Analyst, Staff, Reporter, Reader];

    /// <summary>Roles that may read the shared, non-public work: everyone signed in but the field reporter, who sees only their own reports.</summary>
    public static readonly IReadOnlyList<string> WorkReaders = [Administrator, Coordinator, Analyst, Staff, Reader];

    /// <summary>Roles that import data and see the imports: the analyst, the coordinator and the administrator.</summary>
    public static readonly IReadOnlyList<string> Importers = [Administrator, Coordinator, Analyst];

    /// <summary>Roles that draft lägesbilder and plan: problems, causes, goals, plans and measures.</summary>
    public static readonly IReadOnlyList<string> Planners = [Administrator, Coordinator, Analyst];

    /// <summary>Roles that adopt a lägesbild on a committee's behalf.</summary>
    public static readonly IReadOnlyList<string> Adopters = [Administrator, Coordinator];

    /// <summary>Finds the role a person typed, ignoring case ("samordnare" → "Samordnare").</summary>
    public static string? Find(string? name) =>
        All.FirstOrDefault(role => string.Equals(role, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
