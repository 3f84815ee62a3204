using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trygg.Collaboration;
using Trygg.Geography;
using Trygg.Incidents;
using Trygg.Ingestion;
using Trygg.Security;

namespace Trygg.Data;

/// <summary>
/// Brings a database up to date on start: migrations, roles, the first admin, and — on an empty database — Stockholm's areas,
/// the reference data of the seeds and the police events of the archive. Running it again changes nothing.
/// The audit log gets one "system" entry per seed batch with its counts (not one per seeded record) and one per police import.
/// </summary>
public sealed class DatabaseSeeder(
    AppDbContext db,
    StockholmAreas areas,
    StockholmReferenceData referenceData,
    PolisenImporter polisen,
    Categories categories,
    ImportRuns importRuns,
    ActionPlans.DemoPlan demoPlan,
    Collaboration.DemoGovernance demoGovernance,
    Indicators.DemoIndicators demoIndicators,
    CitizenReports.ReportCatalogue reportCatalogue,
    TimeProvider time,
    Audit.AuditInterceptor audit,
    UserManager<TryggUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<TryggOptions> options,
    ILogger<DatabaseSeeder> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Applies the provider's migrations and creates the roles; returns the migrations applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        return pending;
    }

    public async Task<SeedResult> MigrateAndSeedAsync(CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        var result = new SeedResult { AdminPassword = await EnsureAdminAsync() };
        if (!options.Value.LoadDemoData)
        {
            return result;
        }

        var dataDirectory = DemoDataDirectory.Find(options.Value.DataDirectory);
        if (dataDirectory is null)
        {
            logger.LogWarning("Hittade ingen demodata (shared/data). Ange Trygg:DataDirectory för att läsa in Stockholms områden och polisens händelser.");
            return result with { Warning = "Ingen demodata hittades." };
        }

        if (!await db.Areas.AnyAsync(cancellationToken))
        {
            result = result with { AreasLoaded = await areas.LoadAsync(Path.Combine(dataDirectory, "stockholm"), cancellationToken) };
            logger.LogInformation("Läste in {Count} områden för Stockholms stad.", result.AreasLoaded);
        }

        if (!await db.PlaceAliases.AnyAsync(cancellationToken))
        {
            await audit.SummariseAsync(db, "Ortnamn", () => areas.LoadLandmarksAsync(cancellationToken), cancellationToken);
        }

        await audit.SummariseAsync(db, "Referensdata", () => referenceData.LoadAsync(cancellationToken), cancellationToken);
        await audit.SummariseAsync(db, "Kategorier", () => categories.EnsureAsync(cancellationToken), cancellationToken);
        await audit.SummariseAsync(db, "Rapporttjänster", () => reportCatalogue.EnsureAsync(cancellationToken), cancellationToken);

        if (!await db.Incidents.AnyAsync(i => i.Source == PolisenImporter.Source, cancellationToken))
        {
            var reports = new List<ImportReport>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDirectory, "polisen"), "*.json*").Order(StringComparer.Ordinal))
            {
                var started = time.GetUtcNow().UtcDateTime;
                var report = await polisen.ImportFileAsync(file, "Stockholm", "Stockholms län", cancellationToken: cancellationToken);
                await importRuns.RecordAsync(report, PolisenImporter.Source, "arkiv", Path.GetFileName(file), "demodata", started, cancellationToken: cancellationToken);
                logger.LogInformation("Polisens händelser från {File}: {Inserted} nya, {Rejected} avvisade av {Read} lästa.", Path.GetFileName(file), report.Inserted, report.RejectedCount, report.Read);
                reports.Add(report);
            }

            result = result with { PoliceEventsLoaded = reports.Sum(r => r.Inserted) };
        }

        if (await audit.SummariseAsync(db, "Exempelplan", () => demoPlan.SeedAsync(cancellationToken), cancellationToken))
        {
            logger.LogInformation("Läste in exemplet {Plan}.", ActionPlans.DemoPlan.Title);
        }

        if (await audit.SummariseAsync(db, "Exempel på samverkan", () => demoGovernance.SeedAsync(cancellationToken), cancellationToken))
        {
            logger.LogInformation("Läste in exemplet på samverkan i Järva.");
        }

        if (await demoIndicators.SeedAsync(cancellationToken))
        {
            logger.LogInformation("Läste in folkmängden för de stadsdelar där en publicerad siffra finns och en syntetisk exempelenkät för Järva.");
        }

        return result;
    }

    /// <summary>Creates the first admin if there is none; returns the generated password to print once, or null.</summary>
    private async Task<string?> EnsureAdminAsync()
    {
        if (await users.FindByNameAsync(AdminUserName) is not null)
        {
            return null;
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrWhiteSpace(configured) ? PasswordGenerator.Generate() : configured;
        var admin = new TryggUser { UserName = AdminUserName, DisplayName = "Administratör", MustChangePassword = string.IsNullOrWhiteSpace(configured) };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));
        return string.IsNullOrWhiteSpace(configured) ? password : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record SeedResult
{
    /// <summary>The generated one-time password of the new admin account, to be printed once; null when none was generated.</summary>
    public string? AdminPassword { get; init; }

    public int AreasLoaded { get; init; }

    public int PoliceEventsLoaded { get; init; }

    public string? Warning { get; init; }
}
