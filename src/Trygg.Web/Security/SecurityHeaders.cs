using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Trygg.Web.Shell;

namespace Trygg.Web.Security;

/// <summary>
/// The headers every response carries so that a browser refuses what Trygg never does: script from elsewhere or inline
/// (an injected &lt;script&gt; does not run), being framed by another site, sniffing a type, leaking a resident's secret
/// follow link in the Referer header, or using the camera and microphone.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Where the per-request nonce lives: the only inline script Trygg renders is Blazor's import map, which cannot be a file.</summary>
    private const string NonceKey = "trygg.csp-nonce";

    /// <summary>Pages whose address carries a secret (a resident's follow key or watch token) must not pass it on in the Referer.</summary>
    private static readonly PathString SecretLinkPages = "/report";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var images = ImageSources(app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value.TileUrl);
        return app.Use((context, next) =>
        {
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src {images}; connect-src 'self'; " +
                "font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = IsSecretLink(context.Request.Path) ? "no-referrer" : "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
    }

    /// <summary>The nonce the page's import map must carry, or null outside a request that passed the middleware.</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    private static bool IsSecretLink(PathString path) =>
        path.StartsWithSegments(SecretLinkPages, out var rest) && rest.HasValue && rest.Value != "/";

    /// <summary>
    /// Images from this site, data: and blob: URLs (Leaflet's canvas, exported charts) and the map tile server, whose address
    /// comes from Map:TileUrl: <c>https://{s}.tile.example.org/{z}/{x}/{y}.png</c> allows <c>https://*.tile.example.org</c>.
    /// </summary>
    internal static string ImageSources(string? tileUrl)
    {
        const string Local = "'self' data: blob:";
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return Local;
        }

        var template = tileUrl.Replace("{s}.", "subdomain.", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return Local;
        }

        var host = uri.IdnHost.StartsWith("subdomain.", StringComparison.Ordinal) ? "*" + uri.IdnHost["subdomain".Length..] : uri.IdnHost;
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Local} {uri.Scheme}://{host}{port}";
    }
}
