using System.Diagnostics;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>Follows a title over the API until it is published or failed, keeping every status and percent it saw.</summary>
public static class TitleProgressWatch
{
    public static async Task<(JsonElement Title, IReadOnlyList<string> Seen)> UntilFinishedAsync(HttpClient client, string titleId, TimeSpan timeout)
    {
        var seen = new List<string>();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var title = await TitleApi.GetAsync(client, titleId);
            var status = TitleApi.Status(title);
            var entry = title.TryGetProperty("progress", out var p) && p.ValueKind == JsonValueKind.Object
                ? $"{status} {p.GetProperty("percent").GetDouble():0}%"
                : status;
            if (seen.Count == 0 || seen[^1] != entry) seen.Add(entry);
            if (status is "Published" or "Failed") return (title, seen);
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"title {titleId} still {status} after {timeout.TotalSeconds:0} s; seen: {string.Join(" -> ", seen)}");
            await Task.Delay(250);
        }
    }
}
