using Scalar.AspNetCore;
using Trygg.Web;
using Trygg.Data;
using Trygg.Web.ActionPlans;
using Trygg.Web.Analysis;
using Trygg.Web.Audit;
using Trygg.Web.CitizenReports;
using Trygg.Web.Collaboration;
using Trygg.Web.FieldReports;
using Trygg.Web.Geography;
using Trygg.Web.Incidents;
using Trygg.Web.Indicators;
using Trygg.Web.Ingestion;
using Trygg.Web.Security;
using Trygg.Web.Shell;
using Trygg.Web.SituationReports;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTryggData(builder.Configuration);
builder.Services.AddTryggSecurity();
builder.Services.AddTryggShell();
builder.Services.AddTryggAudit();
builder.Services.AddOpenApi();
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddTryggRateLimits(builder.Configuration);
builder.Services.AddHostedService<PolisenPoller>();
builder.Services.AddSingleton<FileUploads>();
builder.Services.AddSingleton<WatchLinks>();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = FileUploads.MaxRequestBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = FileUploads.MaxRequestBytes);

var app = builder.Build();

await app.MigrateAndSeedAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseTryggLocalization();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMustChangePassword();
app.UseAccessMatrix();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthz();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/docs").AllowAnonymous();
app.MapSecurityEndpoints();
app.MapGeographyApi();
app.MapIngestionApi();
app.MapIncidentsApi();
app.MapAnalysisApi();
app.MapIndicatorsApi();
app.MapReportsApi();
app.MapFollowUpDocsApi();
app.MapActionPlansApi();
app.MapCollaborationApi();
app.MapEvaluationsApi();
app.MapCitizenReportsApi();
app.MapFieldReportsApi();
app.MapOpen311Api();
app.MapAuditApi();
app.MapRazorComponents<App>();

app.Run();

/// <summary>The web host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
