using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Persistence;

/// <summary>
/// A node of its own, because its spec locks the journal: SQLite writers give up after 200 ms, and a failed write
/// keeps the node not-ready for a minute unless a write succeeds, so only a success can make it ready again in the spec.
/// </summary>
public sealed class JournalFailureNodeFixture : IAsyncLifetime
{
    private readonly TempDirectory _configDir = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var hocon = Path.Combine(_configDir.Path, "journal-failure.hocon");
        await File.WriteAllTextAsync(hocon, """
            media-platform.persistence {
              sqlite-busy-timeout = 200ms
              write-failure-window = 60s
            }
            """);
        Node = await TestNode.StartAsync("--config", hocon);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _configDir.Dispose();
    }
}
