using MediaPlatform.Node.Api.Limits;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// The browser session: the same signed token a login returns, kept in a cookie script cannot read (HttpOnly), sent
/// only to this site's own pages (SameSite=Strict), over HTTPS only when the browser reached the node over HTTPS (Secure), for
/// every path. <see cref="BearerTokenHandler"/> reads it when a request has no Authorization header; unsafe methods
/// authenticated by it must also carry <see cref="CsrfHeader"/> (a cross-site form or fetch cannot add it).
/// </summary>
public static class SessionCookie
{
    public const string Name = "mp_session";

    /// <summary>The header the web app sends with every request; a cookie-authenticated POST/PUT/PATCH/DELETE without it is refused (403).</summary>
    public const string CsrfHeader = "X-Requested-With";

    public static void Set(HttpContext http, string token, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(Name, token, Options(http, expiresAt));

    /// <summary>Tells the browser to drop the cookie (an expired one with the same attributes).</summary>
    public static void Clear(HttpContext http) =>
        http.Response.Cookies.Delete(Name, Options(http, DateTimeOffset.UnixEpoch));

    /// <summary>
    /// The API reads the cookie, and so do reads of /media (playback is for entitled viewers and the owner of a title still transcoding, and a video element cannot
    /// send a bearer token; a read changes nothing, so it needs no CSRF header). Pages are public, and management routes
    /// take the admin token, which a cookie never carries.
    /// </summary>
    public static bool AppliesTo(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") ||
        (request.Path.StartsWithSegments("/media") && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)));

    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>GET, HEAD, OPTIONS and TRACE change nothing; everything else needs the app's header when the cookie authenticates it.</summary>
    public static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>
    /// HTTPS to this node, or HTTPS to a trusted proxy in front of it (its <c>X-Forwarded-Proto</c>, believed only from
    /// an address in <c>media-platform.security.trusted-proxies</c>, as for <c>X-Forwarded-For</c>).
    /// </summary>
    internal static bool IsHttps(HttpContext http)
    {
        if (http.Request.IsHttps) return true;
        if (!string.Equals(http.Request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim(), "https", StringComparison.OrdinalIgnoreCase))
            return false;
        var proxies = http.RequestServices?.GetService<TrustedProxies>();
        var remote = http.Connection.RemoteIpAddress;
        if (proxies is null || remote is null) return false;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return proxies.Networks.Any(n => n.Contains(remote));
    }

    private static CookieOptions Options(HttpContext http, DateTimeOffset expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = IsHttps(http),
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
