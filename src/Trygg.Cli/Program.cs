using System.CommandLine;
using Trygg.Cli.Commands;

var root = new RootCommand("trygg – Tryggs kommandorad: databas, användare, API-nycklar, säkerhetskopior.")
{
    DatabaseCommand.Create(),
    UsersCommand.Create(),
    ApiKeysCommand.Create(),
    ImportCommand.Create(),
    BenchCommand.Create(),
    AnalyzeCommand.Create(),
    ReportCommand.Create(),
    PlansCommand.Create(),
    IndicatorsCommand.Create(),
    SurveyCommand.Create(),
    BackupCommand.CreateBackup(),
    BackupCommand.CreateRestore(),
};

return await root.Parse(args).InvokeAsync();
