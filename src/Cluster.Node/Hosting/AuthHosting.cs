using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Configuration;
using Microsoft.AspNetCore.Authentication;

namespace MediaPlatform.Node.Hosting;

/// <summary>Bearer-token authentication and the policies routes ask for.</summary>
public static class AuthHosting
{
    public const string AdminPolicy = "admin";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(12);

    public static IServiceCollection AddNodeAuth(this IServiceCollection services, NodeOptions options)
    {
        var keys = new TokenKeys(options.TokenKey, options.PreviousTokenKeys);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new TokenService(keys, TokenLifetime, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenVersions>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(BearerTokenHandler.AdminRole));
        return services;
    }
}
