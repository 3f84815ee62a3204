using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trygg.Tests;

/// <summary>
/// A small HTTP server on 127.0.0.1 standing in for a remote service (the Polisen API): it answers with recorded real
/// payloads and remembers what it was asked, so that the real client code is tested without leaving the machine.
/// </summary>
public sealed class RecordedHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RecordedHttpServer(WebApplication app) => this.app = app;

    /// <summary>What to answer; replace it to change the next answers.</summary>
    public Func<HttpRequest, RecordedAnswer> Answer { get; set; } = _ => new RecordedAnswer(404, "");

    public List<(string PathAndQuery, string UserAgent)> Requests { get; } = [];

    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<RecordedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordedHttpServer(app);
        app.Run(async context =>
        {
            lock (server.Requests)
            {
                server.Requests.Add((context.Request.Path + context.Request.QueryString, context.Request.Headers.UserAgent.ToString()));
            }

            var answer = server.Answer(context.Request);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record RecordedAnswer(int Status, string Body, int? RetryAfterSeconds = null);
