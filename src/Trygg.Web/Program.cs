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
using Trygg.Web.Operations;
using Trygg.Web.Security;
using Trygg.Web.Shell;
using Trygg.Web.SituationReports;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTryggData(builder.Configuration);
builder.Services.AddTryggSecurity();
builder.Services.AddAuthentication().AddTryggSingleSignOn(builder.Configuration);
builder.Services.AddTryggShell();
builder.Services.AddTryggAudit();
builder.Services.AddOpenApi();
builder.Services.AddOpen311(builder.Configuration);
builder.Services.AddTryggRateLimits(builder.Configuration);
builder.Services.AddTryggReverseProxy(builder.Configuration);
builder.Services.AddTryggDataProtection(builder.Configuration, builder.Environment);
builder.Services.AddTryggTelemetry(builder.Configuration);
builder.Services.AddHostedService<PolisenPoller>();
builder.Services.AddSingleton<FileUploads>();
builder.Services.AddSingleton<WatchLinks>();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = FileUploads.MaxRequestBytes);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = FileUploads.MaxRequestBytes);

var app = builder.Build();

app.StartTelemetry();
await app.MigrateAndSeedAsync();

app.UseTryggReverseProxy(app.Configuration);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

// Strict-Transport-Security on HTTPS responses only; off in development, where the browser would remember it for localhost.
if (app.Configuration.GetValue("Security:Hsts", !app.Environment.IsDevelopment()))
{
    app.UseHsts();
}

app.UseSecurityHeaders();

app.UseTryggLocalization();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMustChangePassword();
app.UseAccessMatrix();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthz();
app.MapReadyz();
app.MapTryggMetrics(app.Configuration);
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/docs").AllowAnonymous();
app.MapSecurityEndpoints();
app.MapSingleSignOn();
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
