using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>A title walked to each status through its own commands, and the values the title specs share.</summary>
public static class TitleSamples
{
    public const string Id = "t-0123456789abcdef";
    public const string Owner = "u-owner";
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ProbeResult Probe = new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(6), 320, 240, 320, 240, 0, 25, false,
        "h264", "yuv420p", 400_000, TimeSpan.Zero, 150, 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6), null, true, "aac", 2, 48_000, TimeSpan.Zero);

    public static IReadOnlyList<Rung> Ladder => LadderPolicy.Default.For(Probe);

    public static string UploadKey(string upload = "up1") => TitleBlobKeys.Source(Id, upload);

    public static RecordSourceUploaded Upload(string upload = "up1", long size = 1234) => new(Id, upload, UploadKey(upload), size, "holiday.mp4");

    public static AttachSubtitles Subtitles(string language = "en", string upload = "s1", SubtitleFormat format = SubtitleFormat.WebVtt) =>
        new(Id, language, upload, format, TitleBlobKeys.Subtitles(Id, language, upload, format), 321);

    public static RecordPackaged Packaged() => new(Id, TitleBlobKeys.Hls(Id), "master.m3u8", Ladder);

    public static TitleQcSummary CleanQc => new(true, false, []);

    public static TitleQcSummary BlockingQc => new(false, true, ["black frames 0.0-2.0 s", "stuck pixel at 10,20"]);

    /// <summary>Applies the commands in order, each must be accepted; answers the resulting state.</summary>
    public static TitleState Run(params ITitleCommand[] commands) =>
        commands.Aggregate(TitleState.Empty(Id), (state, command) => Decisions.Accept(state, state.Handle(command, Now)).State);

    public static TitleState Created() => Run(new CreateTitle(Id, Owner, "Holiday", "Our trip"));

    public static TitleState Uploaded() => Run(new CreateTitle(Id, Owner, "Holiday", "Our trip"), Upload());

    public static TitleState Probing() => Run(new CreateTitle(Id, Owner, "Holiday", "Our trip"), Upload(), new StartProbe(Id));

    public static TitleState Probed() => Run(new CreateTitle(Id, Owner, "Holiday", "Our trip"), Upload(), new StartProbe(Id),
        RecordProbe.Accepted(Id, Probe, Ladder));

    public static TitleState Transcoding() => Step(Probed(), new RecordTranscodeProgress(Id, 2, 10), Now);

    public static TitleState InQualityCheck() => Step(Transcoding(), Packaged(), Now);

    public static TitleState Published() => Step(Step(InQualityCheck(), new RecordQcReport(Id, CleanQc), Now), new PublishTitle(Id), Now);

    public static TitleState Failed() => Step(Probing(), RecordProbe.Rejected(Id, RejectionReason.NoVideoStream, "the file has no video stream"), Now);

    public static TitleState Step(TitleState state, ITitleCommand command, DateTimeOffset at) => Decisions.Accept(state, state.Handle(command, at)).State;

    public static Rejection Refused(TitleState state, ITitleCommand command, RejectionKind kind = RejectionKind.Conflict) =>
        Decisions.Refused(state.Handle(command, Now), kind);
}
