using System.Net;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Limits;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// The session cookie is Secure whenever the browser reached us over HTTPS: directly, or through a trusted proxy that
/// says so in X-Forwarded-Proto. Anyone else's X-Forwarded-Proto is ignored (it changes nothing an attacker wants,
/// but the rule is the same as for X-Forwarded-For).
/// </summary>
public sealed class SessionCookieAttributeSpecs
{
    private static readonly TrustedProxies Proxies = new([System.Net.IPNetwork.Parse("10.0.0.0/8")]);

    private static string SetCookie(bool https, string? forwardedProto, string remote)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton(Proxies).BuildServiceProvider(),
        };
        http.Request.IsHttps = https;
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedProto is not null) http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        SessionCookie.Set(http, "token.value", DateTimeOffset.UtcNow.AddHours(1));
        return http.Response.Headers.SetCookie.ToString().ToLowerInvariant();
    }

    private static bool Secure(string setCookie) => setCookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure");

    [Fact]
    public void Https_to_the_node_must_make_the_cookie_secure()
    {
        var cookie = SetCookie(https: true, forwardedProto: null, remote: "192.0.2.1");
        Assert.True(Secure(cookie));
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public void Plain_http_must_not_make_it_secure_or_the_browser_would_drop_it()
    {
        Assert.False(Secure(SetCookie(https: false, forwardedProto: null, remote: "192.0.2.1")));
    }

    [Fact]
    public void Https_at_a_trusted_proxy_must_make_it_secure()
    {
        Assert.True(Secure(SetCookie(https: false, forwardedProto: "https", remote: "10.1.2.3")));
        Assert.True(Secure(SetCookie(https: false, forwardedProto: "https", remote: "::ffff:10.1.2.3")));
    }

    [Fact]
    public void X_forwarded_proto_from_anyone_else_must_be_ignored()
    {
        Assert.False(Secure(SetCookie(https: false, forwardedProto: "https", remote: "192.0.2.1")));
        Assert.False(Secure(SetCookie(https: false, forwardedProto: "http", remote: "10.1.2.3")));
    }
}
