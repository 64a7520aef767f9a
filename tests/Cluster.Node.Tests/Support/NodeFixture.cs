using System.Text;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>One running node shared by the tests of a class (starting a node takes seconds).</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>Everything in the SQLite journal files, as text, to prove what never reaches them.</summary>
    public async Task<string> JournalBytesAsync()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Node.Options.SqliteFile)!, Path.GetFileName(Node.Options.SqliteFile) + "*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }
}
