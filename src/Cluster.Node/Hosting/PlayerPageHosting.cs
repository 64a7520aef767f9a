using Microsoft.Extensions.FileProviders;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The web player page (/player/) as static files from wwwroot next to the binary, which the build fills from
/// web/player. The folder is found from the binary, not the working directory, so a node started from anywhere (or in
/// a test) serves the same files. Pages are revalidated on each visit (ETag) so a new build reaches browsers at once.
/// </summary>
public static class PlayerPageHosting
{
    public static WebApplication UsePlayerPage(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("No static files at {Root}: the player page is not served (the build copies it there)", root);
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files }); // /player/ → /player/index.html
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
