using System.Text.Json;
using Akka.Event;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Quality control of a title's source and subtitles. The transcode runs it early, while the chunks encode, and keeps
/// the verdict in the upload's work folder; the QualityCheck step then only records it — unless the title's
/// subtitles changed since (or the verdict is missing), in which case it checks again.
/// </summary>
internal sealed class SourceQualityCheck(string titleId, PipelineContext context, ILoggingAdapter log)
{
    private const string VerdictFile = "qc.json";

    public async Task<TitleQcSummary> RunAsync(TitleView title, TitleWork work, CancellationToken ct)
    {
        var source = await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
        var subtitles = new List<SubtitleFile>();
        foreach (var track in title.Subtitles)
            subtitles.Add(new SubtitleFile($"subtitles {track.Language}", await BlobFiles.LocalFileAsync(context.Store, track.BlobKey, work.CopyFolder, ct)));
        log.Info("title {0}: quality control of the source and {1} subtitle track(s)", titleId, subtitles.Count);
        return TitleQcSummary.From(await QualityControl.RunAsync(new QcRequest(titleId, source, subtitles, context.Settings.Quality), ct));
    }

    /// <summary>Checks now and keeps the verdict for the QualityCheck step.</summary>
    public async Task RunEarlyAsync(TitleView title, TitleWork work, CancellationToken ct)
    {
        if (TryLoad(title, work) is not null) return;
        var verdict = new Verdict(SubtitleKeys(title), await RunAsync(title, work, ct));
        var part = Path.Combine(work.Folder, $"{VerdictFile}.{Guid.NewGuid():N}.part");
        await File.WriteAllTextAsync(part, JsonSerializer.Serialize(verdict, ProtocolSerializer.JsonOptions), ct);
        File.Move(part, Path.Combine(work.Folder, VerdictFile), overwrite: true);
    }

    /// <summary>The verdict kept early, if it covered exactly the title's subtitles as they are now.</summary>
    public static TitleQcSummary? TryLoad(TitleView title, TitleWork work)
    {
        var path = Path.Combine(work.Folder, VerdictFile);
        if (!File.Exists(path)) return null;
        var verdict = JsonSerializer.Deserialize<Verdict>(File.ReadAllText(path), ProtocolSerializer.JsonOptions);
        return verdict is not null && verdict.Subtitles.SequenceEqual(SubtitleKeys(title)) ? verdict.Summary : null;
    }

    private static List<string> SubtitleKeys(TitleView title) => title.Subtitles.Select(s => s.BlobKey).Order(StringComparer.Ordinal).ToList();

    private sealed record Verdict(IReadOnlyList<string> Subtitles, TitleQcSummary Summary);
}
