using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MediaPlatform.Ctl;

/// <summary>
/// HTTP to one node's management API. Every failure becomes a <see cref="CtlException"/> whose message is the one
/// line the operator sees: no answer, refused auth, or the node's ProblemDetails detail.
/// </summary>
public sealed class NodeClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http;

    public NodeClient(string host, string? token)
    {
        Host = host;
        var baseUri = host.Contains("://", StringComparison.Ordinal) ? host : $"http://{host}";
        if (!Uri.TryCreate(baseUri.TrimEnd('/') + "/", UriKind.Absolute, out var uri))
            throw new CtlException(CtlExitCodes.Usage, $"--host '{host}' is not HOST:PORT");
        // Streams (cluster tail) run for as long as the operator wants; plain requests get a timeout of their own.
        _http = new HttpClient { BaseAddress = uri, Timeout = Timeout.InfiniteTimeSpan };
        if (token is { Length: > 0 }) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string Host { get; }

    public Task<string> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, body: null, ct);

    public Task<string> PutJsonAsync(string path, object body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, body, ct);

    public Task<string> PostJsonAsync(string path, object? body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, body, ct);

    /// <summary>Opens a streaming GET (server-sent events); the caller reads and disposes the response.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken ct)
    {
        var response = await Call(() => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct), connectOnly: true);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw Failure(response.StatusCode, text);
        }
        return response;
    }

    public static string Escape(string address) => Uri.EscapeDataString(address);

    public void Dispose() => _http.Dispose();

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");
        using var response = await Call(() => _http.SendAsync(request, timeout.Token), connectOnly: false);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!response.IsSuccessStatusCode) throw Failure(response.StatusCode, text);
        return text;
    }

    private async Task<HttpResponseMessage> Call(Func<Task<HttpResponseMessage>> send, bool connectOnly)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new CtlException(CtlExitCodes.Unreachable, $"cannot reach node at {Host}: {Innermost(e).Message}");
        }
        catch (TaskCanceledException) when (!connectOnly)
        {
            throw new CtlException(CtlExitCodes.Unreachable, $"cannot reach node at {Host}: no answer within {RequestTimeout.TotalSeconds:0} s");
        }
    }

    private static CtlException Failure(HttpStatusCode status, string body)
    {
        var detail = ProblemDetail(body) ?? (body.Length is > 0 and < 200 ? body.Trim() : status.ToString());
        var code = (int)status;
        return code is 401 or 403
            ? new CtlException(CtlExitCodes.AuthRefused, $"refused ({code}): {detail}; every mpctl command needs the node's admin token: pass --token-file FILE (or set MPCTL_TOKEN_FILE; --token / {CtlOptions.TokenVariable} also work but a flag shows in ps)")
            : new CtlException(CtlExitCodes.NodeError, $"node answered {code}: {detail}");
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String) return d.GetString();
            if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
