using System.Reflection;
using System.Text.RegularExpressions;

namespace Trygg.Tests.Security;

/// <summary>SECURITY.md points every promise to a test; each test it names exists, so a promise cannot outlive its proof.</summary>
public sealed partial class SecurityPromiseTests
{
    [Fact]
    public void EveryTestSecurityMdNamesExists()
    {
        var text = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "SECURITY.md"));
        var tests = typeof(SecurityPromiseTests).Assembly.GetTypes();

        var named = TestReference().Matches(text).Select(m => (Folder: m.Groups["folder"].Value.Replace('/', '.'), Class: m.Groups["class"].Value, Method: m.Groups["method"].Value)).ToList();
        // A browser test lives in the other test project: its file must be there.
        var missing = named.Where(n => n.Folder.StartsWith("BrowserTests", StringComparison.Ordinal)
                ? !File.Exists(Path.Combine(SharedData.RepositoryRoot, "tests", "Trygg." + n.Folder.Replace('.', Path.DirectorySeparatorChar), n.Class + ".cs"))
                : tests.FirstOrDefault(t => t.FullName == $"Trygg.Tests.{n.Folder}.{n.Class}") is not { } type
                    || (n.Method.Length > 0 && type.GetMethod(n.Method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static) is null))
            .Select(n => $"{n.Folder}/{n.Class}.{n.Method}").ToList();

        Assert.True(named.Count >= 20, $"SECURITY.md nämner bara {named.Count} tester.");
        Assert.True(missing.Count == 0, "SECURITY.md nämner tester som inte finns: " + string.Join(", ", missing));
    }

    // `Folder/Sub/ClassTests` or `Folder/ClassTests.Method`, as SECURITY.md writes them.
    [GeneratedRegex(@"`(?<folder>[A-Z]\w+(?:/[A-Z]\w+)*)/(?<class>\w+Tests)(?:\.(?<method>\w+))?`")]
    private static partial Regex TestReference();
}
