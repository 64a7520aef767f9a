using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>A node started with --otlp-endpoint pointing at an <see cref="OtlpReceiver"/>, tracing every request.</summary>
public sealed class TracingNodeFixture : IAsyncLifetime
{
    public OtlpReceiver Collector { get; private set; } = null!;
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        Node = await TestNode.StartAsync("--otlp-endpoint", Collector.BaseAddress.ToString(), "--trace-sample-ratio", "1");
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
