using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// What a running node writes to disk (journal, its WAL, blobs and the folders it makes for them) must be readable
/// by the node's own user only: journals and blobs hold emails, password hashes and users' videos.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Makes the node write a journal entry and a blob (into the cluster's shared blob folder), then checks the
    /// modes of what it created.</summary>
    public static async Task AssertAsync(NodeProcess node, string sqliteFile, string blobDirectory)
    {
        if (!OperatingSystem.IsLinux()) return; // modes and umask are what this checks
        using var api = new NodeApi(node);
        var (_, token) = await api.SignUpWithCardAsync("files", "4242424242424242");
        var title = (await api.SendAsync(HttpMethod.Post, "/api/titles", token, new { name = "Private" }, key: Guid.NewGuid().ToString()))
            .Expect(HttpStatusCode.Created).Json.GetProperty("titleId").GetString();
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var upload = new HttpRequestMessage(HttpMethod.Put, $"/api/titles/{title}/subtitles/en")
        {
            Content = new StringContent("WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n", Encoding.UTF8, "text/vtt"),
        };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(upload)).StatusCode);

        var blobs = blobDirectory;
        var files = new[] { sqliteFile, sqliteFile + "-wal" }.Concat(Directory.GetFiles(blobs, "*", SearchOption.AllDirectories)).ToList();
        Assert.True(files.Count >= 3, $"expected the journal, its WAL and a blob, found: {string.Join(", ", files)}");
        foreach (var f in files)
            Assert.True(File.GetUnixFileMode(f) == OwnerFile, $"{f} is {Mode(f)}, not 0600");
        var directories = Directory.GetDirectories(blobs, "*", SearchOption.AllDirectories).Append(blobs).ToList();
        foreach (var d in directories)
            Assert.True(File.GetUnixFileMode(d) == OwnerDirectory, $"{d} is {Mode(d)}, not 0700");
    }

    private static string Mode(string path) =>
        OperatingSystem.IsLinux() ? Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0') : "?";
}
