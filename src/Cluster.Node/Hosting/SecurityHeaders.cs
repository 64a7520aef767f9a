namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Headers on every answer (API, errors, pages, media): no MIME sniffing, no referrer sent on, never framed. API and
/// media answers get a content security policy that allows nothing (they are data, never rendered as a page); the
/// player page may load only its own scripts, styles and API, and blob: for what hls.js makes (MediaSource URLs and
/// its transmuxing worker), and data: media for the empty "data:,WEBVTT" source hls.js gives each subtitle &lt;track&gt;
/// it adds; the web app (/app/) and the ops page (/ops/) only their own scripts, styles and API (no blob: or data: media). Inline scripts are not
/// allowed anywhere.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: data:; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The web app (/app/) plays nothing itself (Play opens /player/), so it needs no blob: media or workers.</summary>
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string DataPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Path prefixes of the browser pages served from wwwroot, and each one's policy.</summary>
    private static readonly (PathString Prefix, string Policy)[] Pages = [("/player", PagePolicy), ("/app", AppPolicy), ("/ops", AppPolicy)];

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set when the answer starts, so answers rewritten later (exception handler, status pages) keep them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static string PolicyFor(PathString path) =>
        Pages.FirstOrDefault(p => path.StartsWithSegments(p.Prefix)).Policy ?? DataPolicy;
}
