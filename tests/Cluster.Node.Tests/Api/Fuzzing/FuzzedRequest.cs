using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaPlatform.Node.Tests.Api.Fuzzing;

/// <summary>
/// One random request for a route template: hostile path values, bodies, content types, tokens and keys. Kept as
/// data so the same request can be sent again (<see cref="ToMessage"/>).
/// </summary>
public sealed partial record FuzzedRequest(string Method, string PathAndQuery, byte[]? Body, string? ContentType,
    IReadOnlyList<(string Name, string Value)> Headers)
{
    private static readonly string[] PathValues =
    [
        "u-0000000000000000", "", " ", "..", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "a/b", "\u00e9\u00e8\u4e2d\u6587", "😀", "null", "-1",
        "99999999999999999999", "INV-000001", "SAVE10", "billing-cycle", "akka.tcp://media@127.0.0.1:1", new string('x', 3000),
        "%00", "%ff%fe", "<script>", "' OR 1=1 --", "{}", "true",
    ];

    private static readonly string[] Bodies =
    [
        "", "{}", "[]", "null", "true", "42", "\"text\"", "{", "{\"a\":", "}{", "{\"email\":42,\"password\":[]}",
        "{\"name\":null,\"description\":{}}", "{\"planId\":{\"$ne\":1}}", "{\"number\":\"4242424242424242\",\"expiryMonth\":\"x\"}",
        "{\"code\":\"\",\"kind\":\"Gift\",\"percentOff\":-5}", "{\"userId\":\"\",\"extra\":1}", "{\"address\":\"not an address\"}",
        "{\"operation\":\"explode\"}", "{\"deep\":" + new string('[', 200) + new string(']', 200) + "}",
    ];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", null, "application/xml"];

    private static readonly string?[] Keys = [null, "key-1", "", "has space", new string('k', 200), "auto-INV-000001-1", "key:with:colons"];

    public static FuzzedRequest Create(Random random, string method, string template, string userToken, string adminToken)
    {
        var path = Placeholder().Replace(template, _ => Uri.EscapeDataString(Pick(random, PathValues)).Replace("%25", "%"));
        var query = random.Next(4) == 0 ? "?q=" + Uri.EscapeDataString(Pick(random, PathValues)) + "&limit=" + Pick(random, ["-1", "abc", "100000", "5"]) : "";
        byte[]? body = null;
        string? contentType = null;
        if (method is "POST" or "PUT" or "PATCH" or "DELETE" && random.Next(5) > 0)
        {
            var text = random.Next(6) == 0 ? RandomJunk(random) : Pick(random, Bodies);
            if (random.Next(12) == 0) text = "{\"name\":\"" + new string('n', 70_000) + "\"}"; // beyond the 64 KiB body limit
            body = Encoding.UTF8.GetBytes(text);
            contentType = Pick(random, ContentTypes);
        }
        var headers = new List<(string, string)>
        {
            ("Authorization", random.Next(4) switch
            {
                0 => "",
                1 => $"Bearer {userToken}",
                2 => $"Bearer {adminToken}",
                _ => Pick(random, ["Bearer garbage", "Basic Zm9vOmJhcg==", "Bearer " + new string('t', 5000), "Bearer a.b.c"]),
            }),
        };
        if (Pick(random, Keys) is { } key) headers.Add(("Idempotency-Key", key));
        if (random.Next(8) == 0) headers.Add(("Range", Pick(random, ["bytes=0-0", "bytes=-1", "bytes=99999999-", "bytes=5-2", "lines=1-2"])));
        return new FuzzedRequest(method, path + query, body, contentType, headers);
    }

    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        foreach (var (name, value) in Headers) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public override string ToString() =>
        $"{Method} {PathAndQuery} [{(Body is null ? "no body" : $"{ContentType ?? "no type"}, {Body.Length} bytes")}; " +
        string.Join(", ", Headers.Select(h => $"{h.Name}: {(h.Value.Length > 40 ? h.Value[..40] + "…" : h.Value)}")) + "]";

    private static string RandomJunk(Random random)
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
