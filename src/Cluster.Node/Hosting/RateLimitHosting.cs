using System.Threading.RateLimiting;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Users.LoginGuards;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Api.Users;
using MediaPlatform.Node.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Abuse limits: ASP.NET Core's rate limiter per client address on sign-ups, logins, uploads and title creation
/// (429 + Retry-After + ProblemDetails), the per-email login limiter, the cluster-wide login guard (lockout) entities,
/// and the sign-up fingerprints. The client address is the connection's remote IP; X-Forwarded-For is believed only
/// from the proxies listed in media-platform.security.trusted-proxies (none by default: anyone can send the header).
/// </summary>
public static class RateLimitHosting
{
    public static IServiceCollection AddNodeRateLimits(this IServiceCollection services, NodeOptions options)
    {
        services.AddSingleton<LoginEmailLimiter>();
        services.AddSingleton(new SignUpFingerprints(options.TokenKey));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IServiceProvider>((limits, sp) =>
        {
            var settings = sp.GetRequiredService<RateLimitSettings>();
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the limiter's own default is 503
            limits.OnRejected = (context, _) => new ValueTask(TooManyRequests.WriteAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : settings.Window,
                "too many requests of this kind from your address"));
            PerAddress(limits, RateLimitPolicies.SignUps, settings.SignUpsPerAddress, settings.Window);
            PerAddress(limits, RateLimitPolicies.Logins, settings.LoginsPerAddress, settings.Window);
            PerAddress(limits, RateLimitPolicies.Uploads, settings.UploadsPerAddress, settings.Window);
            PerAddress(limits, RateLimitPolicies.Titles, settings.TitlesPerAddress, settings.Window);
        });
        return services;
    }

    public static WebApplication UseNodeRateLimits(this WebApplication app)
    {
        PasswordHasher.Warm();
        var proxies = app.Services.GetRequiredService<TrustedProxies>();
        if (proxies.Any)
        {
            // Only the listed proxies: the framework's default list (loopback) is cleared, so a local caller cannot spoof.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in proxies.Networks) forwarded.KnownIPNetworks.Add(network);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The login guards: one entity per account email, so a lockout holds on every node.</summary>
    public static AkkaConfigurationBuilder WithLoginGuards(this AkkaConfigurationBuilder builder, NodeSettings settings, IClock clock) => builder
        .WithShardRegion<EntityRegions.LoginGuards>(LoginGuardEntity.TypeName, (_, _, _) =>
                email => LoginGuardEntity.PropsFor(email, settings.Lockout, settings.Entities, clock),
            new EntityMessageExtractor<ILoginGuardCommand>(m => m.Email), new ShardOptions());

    private static void PerAddress(RateLimiterOptions limits, string policy, int permits, TimeSpan window) =>
        limits.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        }));

    private static string ClientAddress(HttpContext http) => ClientPartition.Of(http.Connection.RemoteIpAddress);
}
