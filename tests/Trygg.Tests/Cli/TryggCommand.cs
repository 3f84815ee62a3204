using System.Diagnostics;

namespace Trygg.Tests.Cli;

/// <summary>Runs the real `trygg` command (trygg.dll beside the tests) in its own process against a test database.</summary>
public static class TryggCommand
{
    /// <summary>trygg.dll in its own build folder (bin/Debug/net10.0 of src/Trygg.Cli), where its dependencies are.</summary>
    private static string CommandPath
    {
        get
        {
            var testProject = new DirectoryInfo(AppContext.BaseDirectory);
            var buildFolder = new List<string>();
            while (testProject.Name != "bin")
            {
                buildFolder.Insert(0, testProject.Name);
                testProject = testProject.Parent!;
            }

            var repository = testProject.Parent!.Parent!.Parent!.FullName;
            return Path.Combine([repository, "src", "Trygg.Cli", "bin", .. buildFolder, "trygg.dll"]);
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(TestDatabase database, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(database, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>How to start the command on the database, for a test that must do something while it runs (e.g. kill it).</summary>
    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(CommandPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Trygg"] = database.ConnectionString;
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }
}
