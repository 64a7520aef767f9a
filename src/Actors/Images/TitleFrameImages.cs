using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Thumbnails;
using SkiaSharp;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Hands a published title's sampled frames to the image pipeline: the frames its thumbnails step already sampled
/// (every N seconds plus scene changes) are read back from the package's thumbnail track and sprite sheets, at most
/// <see cref="ImageSettings.MaxFramesPerTitle"/> of them spread evenly over the title, and each becomes an image of
/// kind <see cref="ImageKind.Frame"/> (subject: the title; with its time), queued like an upload but offered after
/// uploads. Frame ids come from the title and the time (<see cref="ImageIds.Frame"/>), so handing the same title over
/// again (the pipeline's step repeated after a crash) submits nothing new.
/// </summary>
public sealed class TitleFrameImages(IBlobStore store, ImageSettings settings, Func<IActorRef> images, Func<ImageStage, IActorRef> queues)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    /// <param name="hlsPrefix">The blob prefix of the title's package (ending in '/'), where its thumbnail track is.</param>
    /// <returns>How many frames were handed over (0 when the title has no preview or frames are off).</returns>
    public async Task<int> SubmitAsync(string titleId, string ownerId, string hlsPrefix, CancellationToken ct)
    {
        if (settings.MaxFramesPerTitle == 0) return 0;
        var track = await ReadAsync(hlsPrefix + ThumbnailTrack.FileName, ct);
        if (track is null) return 0; // packaged without a preview: no frames to hand over
        var tiles = Spread(ThumbnailTrack.Read(System.Text.Encoding.UTF8.GetString(track)), settings.MaxFramesPerTitle);
        var submitted = 0;
        foreach (var sheetTiles in tiles.GroupBy(t => t.Sheet))
        {
            if (!IsPlainName(sheetTiles.Key)) continue; // only the package's own sheets, never a path out of it
            var sheetBytes = await ReadAsync(hlsPrefix + sheetTiles.Key, ct);
            using var sheet = sheetBytes is null ? null : SKBitmap.Decode(sheetBytes);
            if (sheet is null) continue;
            foreach (var tile in sheetTiles)
            {
                if (SpriteTileCrop.Png(sheet, tile) is not { } png) continue;
                await SubmitFrameAsync(titleId, ownerId, tile.Start, png, ct);
                submitted++;
            }
        }
        return submitted;
    }

    /// <summary>At most <paramref name="max"/> tiles, evenly spaced from the first to the last.</summary>
    public static IReadOnlyList<SpriteTile> Spread(IReadOnlyList<SpriteTile> tiles, int max)
    {
        if (tiles.Count <= max) return tiles;
        if (max == 1) return [tiles[0]];
        return Enumerable.Range(0, max).Select(i => tiles[(int)Math.Round(i * (tiles.Count - 1) / (double)(max - 1))]).ToList();
    }

    private async Task SubmitFrameAsync(string titleId, string ownerId, TimeSpan at, byte[] png, CancellationToken ct)
    {
        var imageId = ImageIds.Frame(titleId, at);
        using (var content = new MemoryStream(png, writable: false))
            await store.WriteAsync(ImageBlobKeys.Source(imageId), content, cancellationToken: ct);
        var recorded = await AskAsync<ImageStageRecorded>(images(),
            new SubmitImage(imageId, ImageKind.Frame, ownerId, titleId, png.Length, settings.Blurs(ImageKind.Frame), at), ct);
        foreach (var job in recorded.NextJobs) await AskAsync<ImageQueueAck>(queues(job.Stage), new EnqueueImageJob(job), ct);
    }

    private async Task<byte[]?> ReadAsync(string key, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken: ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static bool IsPlainName(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !name.StartsWith('.');

    private static async Task<T> AskAsync<T>(IActorRef target, object message, CancellationToken ct)
    {
        var answer = await target.Ask<object>(message, AskTimeout, ct);
        return answer is T reply ? reply : throw new InvalidOperationException($"{message.GetType().Name} was answered with {answer}");
    }
}
