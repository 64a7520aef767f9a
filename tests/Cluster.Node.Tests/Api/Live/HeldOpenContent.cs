using System.Net;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>
/// A request body a broadcaster would send: these bytes, chunked, and then the body stays open until
/// <see cref="Finish"/> — so a spec decides when the broadcaster's connection ends.
/// </summary>
public sealed class HeldOpenContent(byte[] bytes) : HttpContent
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Finish() => _finished.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
        {
            await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(16 * 1024, bytes.Length - offset)));
            await stream.FlushAsync();
        }
        await _finished.Task;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false; // chunked, as ffmpeg sends it
    }
}
