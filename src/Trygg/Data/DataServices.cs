using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Trygg.Collaboration;
using Trygg.Geography;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Data;

public static class DataServices
{
    public const string ConnectionStringName = "Trygg";
    public const string DefaultSqliteFile = "data/trygg.db";

    /// <summary>The database (SQLite by default, PostgreSQL with Database:Provider=Postgres) and the services of src/Trygg.</summary>
    public static IServiceCollection AddTryggData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((scope, options) =>
                    options.UseSqlite(sqlite).AddInterceptors(new SqliteConnectionSettings()).AddAuditLog(scope));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider=Postgres kräver ConnectionStrings:Trygg (t.ex. ConnectionStrings__Trygg=\"Host=localhost;Database=trygg;Username=trygg;Password=…\").");
                }

                services.AddDbContext<AppDbContext, PostgresAppDbContext>((scope, options) => options.UseNpgsql(connectionString).AddAuditLog(scope));
                break;
        }

        services.Configure<TryggOptions>(configuration.GetSection(TryggOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<Audit.AuditActor>();
        services.AddScoped<Audit.AuditInterceptor>();
        services.AddScoped<ApiKeys>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<Incidents.IncidentStatistics>();
        services.AddScoped<Incidents.Categories>();
        services.AddSingleton<Incidents.IncidentStore>();
        services.AddSingleton<AreaShapes>();
        services.AddScoped<ActionPlans.FollowUpReminders>();
        services.AddScoped<ActionPlans.TertialReportDocx>();
        services.AddScoped<Problems.RootCauseDocx>();
        services.AddScoped<SituationReports.SituationReports>();
        services.AddScoped<ActionPlans.ActionPlans>();
        services.AddScoped<Problems.ProblemWork>();
        services.AddScoped<Indicators.IndicatorQueries>();
        services.AddScoped<FollowUp.EffectEvaluations>();
        services.AddScoped<ActionPlans.DemoPlan>();
        services.AddScoped<Collaboration.Governance>();
        services.AddScoped<Collaboration.SeriousTalks>();
        services.AddScoped<Collaboration.Compliance>();
        services.AddScoped<Collaboration.DemoGovernance>();
        services.AddScoped<CitizenReports.CitizenReports>();
        services.AddScoped<CitizenReports.ReportCatalogue>();
        services.AddScoped<FieldReports.FieldReporting>();
        services.AddScoped<FieldReports.SafetyWalks>();
        services.AddScoped<CitizenReports.PublishedReports>();
        services.AddScoped<ImportRuns>();
        services.AddScoped<Indicators.IndicatorStore>();
        services.AddScoped<Indicators.PopulationImporter>();
        services.AddScoped<Indicators.DemoIndicators>();
        services.AddScoped<Indicators.AreaOverlaps>();
        services.AddScoped<Indicators.KoladaImporter>();
        services.AddSingleton<Indicators.PxWebCallGate>();
        services.AddOptions<Indicators.PxWebOptions>().BindConfiguration(Indicators.PxWebOptions.Section);
        services.AddOptions<Indicators.KoladaOptions>().BindConfiguration(Indicators.KoladaOptions.Section);
        services.AddHttpClient<Indicators.PxWebClient>();
        services.AddHttpClient<Indicators.KoladaClient>();
        services.AddMetrics();
        services.TryAddSingleton<Operations.TryggMetrics>();
        services.AddScoped<StockholmAreas>();
        services.AddScoped<StockholmReferenceData>();
        services.AddScoped<PolisenImporter>();
        services.AddScoped<DatabaseSeeder>();
        services.AddOptions<PolisenLiveOptions>().BindConfiguration(PolisenLiveOptions.Section);
        services.AddSingleton<PolisenLiveStatus>();
        services.AddSingleton<PolisenCallGate>();
        services.AddHttpClient<PolisenClient>().SetHandlerLifetime(TimeSpan.FromMinutes(10));
        services.AddScoped<PolisenLiveImport>();
        services.AddScoped<Ingestion.Files.IncidentFileImporter>();
        services.AddScoped<Ingestion.Files.ImportMappings>();
        services.AddOptions<Indicators.SurveyOptions>().BindConfiguration(Indicators.SurveyOptions.Section)
            .Validate(o => o.MinimumN >= 1, "Indicators:MinimumN ska vara minst 1.");
        services.AddScoped<Indicators.SurveyStore>();
        services.AddScoped<Indicators.SurveyImporter>();
        services.AddScoped<Indicators.SurveyMicrodataImporter>();
        services.AddScoped<Indicators.SurveyMappings>();
        return services;
    }

    /// <summary>Every context records its changes in the audit log and cannot change the log (see <see cref="Audit.AuditInterceptor"/>).</summary>
    private static DbContextOptionsBuilder AddAuditLog(this DbContextOptionsBuilder options, IServiceProvider scope) =>
        options.AddInterceptors(scope.GetRequiredService<Audit.AuditInterceptor>(), new Audit.AuditLogGuard());

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        return name.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Okänd databas i Database:Provider: '{name}'. Välj Sqlite eller Postgres."),
        };
    }

    /// <summary>The SQLite connection string, defaulting to data/trygg.db; creates the file's folder so the first start works.</summary>
    public static string SqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
