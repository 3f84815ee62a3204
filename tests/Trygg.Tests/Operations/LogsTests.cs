using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trygg.Security;

namespace Trygg.Tests.Operations;

/// <summary>
/// The logs an operator collects hold no one's personal data: not the e-mail a person signs in with, not a resident's
/// contact details or words, not a secret follow link — even when the request fails.
/// </summary>
public sealed class LogsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInsAndResidentsReportsLeaveNoPersonalDataInTheLogs()
    {
        var logs = new CapturedLogs();
        await using var app = new LoggedApp(logs);
        using var client = app.CreateBrowserlikeClient();

        await TryggApp.SignInAsync(client, "okand.person@example.se", "Fel-Losenord-1!");
        for (var i = 0; i < IdentityPolicy.MaxFailedSignIns + 1; i++)
        {
            await TryggApp.SignInAsync(client, Trygg.Data.DatabaseSeeder.AdminUserName, "Fel-Losenord-1!");
        }

        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync("Open311-app", Roles.Reader, Token)).Key;
        }

        var filed = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "belysning", ["lat"] = "59.3884", ["long"] = "17.9287", ["attribute[typ]"] = "gatlykta",
            ["description"] = "Lampan utanför Astrids port är trasig", ["email"] = "astrid.lindqvist@example.se", ["phone"] = "070-123 45 67",
            ["first_name"] = "Astrid", ["last_name"] = "Lindqvist",
        }), Token);
        var refused = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "belysning", ["lat"] = "59.3884", ["long"] = "17.9287", ["attribute[typ]"] = "gatlykta",
            ["description"] = "Det var 19121212-1212 som slog sönder den",
        }), Token);
        await client.GetAsync("/report/hemlig-foljnyckel-123", Token);

        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { "okand.person", "example.se", Trygg.Data.DatabaseSeeder.AdminUserName, "Astrid", "Lindqvist", "070-123", "19121212", "Lampan", "hemlig-foljnyckel" })
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Trygg as configured for production (appsettings.json's levels), with every log line kept for the test to read.</summary>
    private sealed class LoggedApp(CapturedLogs logs) : TryggApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
