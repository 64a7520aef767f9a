namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The viewer's web app lives at /app/ (static files from web/app, served with the player page's files and cache
/// headers by <see cref="PlayerPageHosting"/>); the site's root sends a person there, so the address the run command
/// prints is all they need.
/// </summary>
public static class WebAppHosting
{
    public const string AppPath = "/app/";

    public static IEndpointRouteBuilder MapWebAppEntry(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(AppPath)).ExcludeFromDescription();
        return app;
    }
}
