using MediaPlatform.Streams.Thumbnails;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Thumbnails;

/// <summary>
/// One 12 s 640x360 title that opens with 2 s of black and then cuts to a moving picture (keyframes every 2 s, as our
/// renditions have), thumbnailed once with a 10 s interval: too short for it, so frames are spaced 3 s apart.
/// </summary>
public sealed class ThumbnailFixture : IAsyncLifetime
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(12);
    public GeneratedClip Clip { get; private set; } = null!;
    public ThumbnailSet Set { get; private set; } = null!;
    public string Output => Path.Combine(Clip.Folder, "out");

    public async Task InitializeAsync()
    {
        Clip = await GeneratedClip.RawAsync("black-opening.mp4", ClipArguments.BlackOpening(2, Duration.TotalSeconds));
        Set = await new TitleThumbnails().WriteAsync((Clip.Path, 640, 360), Clip.Path, Duration, TimeSpan.FromSeconds(2),
            ThumbnailOptions.Default, Output);
    }

    public Task DisposeAsync()
    {
        Clip?.Dispose();
        return Task.CompletedTask;
    }
}
