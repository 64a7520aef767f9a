namespace MediaPlatform.Node.Api.Limits;

/// <summary>Puts <see cref="InFlightLimit"/> in front of the API, before authentication (checking a token asks an entity too).</summary>
public static class InFlightLimitMiddleware
{
    public static WebApplication UseInFlightLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<InFlightLimit>();
        var retryAfter = (int)Math.Ceiling(limit.Settings.RetryAfter.TotalSeconds);
        app.Use(async (context, next) =>
        {
            if (!InFlightLimit.Counts(context.Request))
            {
                await next(context);
                return;
            }
            if (!limit.TryEnter())
            {
                await ServiceUnavailable.Result("Node busy",
                    $"this node is serving its limit of {limit.Settings.Max} requests; retry in {retryAfter} s (another node may answer sooner)",
                    retryAfter).ExecuteAsync(context);
                return;
            }
            try { await next(context); }
            finally { limit.Exit(); }
        });
        return app;
    }
}
