using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Probing;
using static MediaPlatform.Actors.Tests.Titles.TitleSamples;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>Pure rules of the pipeline's commands: probe, transcode progress, failure, package, QC and publish.</summary>
public sealed class TitlePipelineStateSpecs
{
    [Fact]
    public void Start_probe_must_move_an_uploaded_title_to_probing_once()
    {
        var probing = Probing();
        Assert.Equal(TitleStatus.Probing, probing.Status);
        Assert.Empty(Decisions.Accept(probing, probing.Handle(new StartProbe(Id), Now)).Events);
    }

    [Fact]
    public void Start_probe_must_conflict_without_a_source_or_after_probing()
    {
        Assert.Contains("no source yet", Refused(Created(), new StartProbe(Id)).Message);
        Assert.Contains("is Probed", Refused(Probed(), new StartProbe(Id)).Message);
        Assert.Contains("has failed", Refused(Failed(), new StartProbe(Id)).Message);
    }

    [Fact]
    public void An_accepted_probe_must_record_the_result_and_the_ladder()
    {
        var view = Probed().View();
        Assert.Equal(TitleStatus.Probed, view.Status);
        Assert.Equal(Probe, view.Probe);
        Assert.Equal(Ladder, view.Ladder);
    }

    [Fact]
    public void A_rejected_probe_must_fail_the_title_with_the_probers_message()
    {
        var failed = Failed().View();
        Assert.Equal(TitleStatus.Failed, failed.Status);
        Assert.Equal(new TitleFailure(TitleFailure.ProbeStage, "the file has no video stream", Now), failed.Failure);
    }

    [Fact]
    public void A_repeated_probe_outcome_must_answer_the_same_and_persist_nothing()
    {
        var probed = Probed();
        Assert.Empty(Decisions.Accept(probed, probed.Handle(RecordProbe.Accepted(Id, Probe, Ladder), Now)).Events);
        var failed = Failed();
        Assert.Empty(Decisions.Accept(failed, failed.Handle(RecordProbe.Rejected(Id, RejectionReason.NoVideoStream, "the file has no video stream"), Now)).Events);
        // A different outcome after the first is not a repeat.
        Refused(probed, RecordProbe.Accepted(Id, Probe with { Width = 640 }, Ladder));
        Refused(failed, RecordProbe.Accepted(Id, Probe, Ladder));
    }

    [Fact]
    public void A_probe_outcome_must_be_one_or_the_other_and_complete()
    {
        var probing = Probing();
        Refused(probing, new RecordProbe(Id, Probe, Ladder, RejectionReason.Truncated, "both"), RejectionKind.Invalid);
        Refused(probing, new RecordProbe(Id, null, null, null, null), RejectionKind.Invalid);
        Assert.Contains("ladder", Refused(probing, RecordProbe.Accepted(Id, Probe, []), RejectionKind.Invalid).Message);
        Refused(probing, RecordProbe.Rejected(Id, RejectionReason.Truncated, " "), RejectionKind.Invalid);
        Assert.Contains("only when it is Probing", Refused(Uploaded(), RecordProbe.Accepted(Id, Probe, Ladder)).Message);
    }

    [Fact]
    public void Record_probe_from_a_verdict_must_pick_the_ladder_or_carry_the_rejection()
    {
        var accepted = RecordProbe.From(Id, new ProbeVerdict.Accepted(Probe), p => Ladder);
        Assert.Equal((Probe, (RejectionReason?)null), (accepted.Probe, accepted.RejectedFor));
        var rejected = RecordProbe.From(Id, new ProbeVerdict.Rejected(RejectionReason.ZeroDuration, "zero"), _ => throw new InvalidOperationException());
        Assert.Equal((RejectionReason.ZeroDuration, "zero"), (rejected.RejectedFor!.Value, rejected.RejectionMessage));
    }

    [Fact]
    public void Progress_must_start_transcoding_and_give_percent_and_an_estimate_from_the_rate_so_far()
    {
        var started = Step(Probed(), new RecordTranscodeProgress(Id, 0, 10, [new RungProgress("240p", 0, 5), new RungProgress("360p", 0, 5)]), Now);
        Assert.Equal(TitleStatus.Transcoding, started.Status);
        Assert.Null(started.View().Progress!.EstimatedCompletion); // nothing done yet: no rate to go by

        var later = Step(started, new RecordTranscodeProgress(Id, 4, 10, [new RungProgress("240p", 3, 5), new RungProgress("360p", 1, 5)]), Now.AddSeconds(20));
        var progress = later.View().Progress!;
        Assert.Equal((4, 10, 40.0), (progress.ChunksDone, progress.ChunksTotal, progress.Percent));
        Assert.Equal(Now, progress.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(30), progress.EstimatedRemaining); // 5 s per job, 6 jobs left
        Assert.Equal(Now.AddSeconds(50), progress.EstimatedCompletion);
        Assert.Equal(3, progress.Rungs.Single(r => r.Rung == "240p").ChunksDone);
    }

    [Fact]
    public void Progress_must_never_go_backwards_and_repeats_must_persist_nothing()
    {
        var at6 = Step(Transcoding(), new RecordTranscodeProgress(Id, 6, 10), Now);
        Assert.Empty(Decisions.Accept(at6, at6.Handle(new RecordTranscodeProgress(Id, 6, 10), Now)).Events);
        var (state, events, _) = Decisions.Accept(at6, at6.Handle(new RecordTranscodeProgress(Id, 3, 10), Now));
        Assert.Empty(events);
        Assert.Equal(6, state.Progress!.ChunksDone);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void Progress_out_of_range_must_be_refused_as_invalid(int done, int total) =>
        Refused(Transcoding(), new RecordTranscodeProgress(Id, done, total), RejectionKind.Invalid);

    [Fact]
    public void Progress_must_conflict_before_probing_is_done_and_be_ignored_once_packaged()
    {
        Assert.Contains("only when it is Probed or Transcoding", Refused(Probing(), new RecordTranscodeProgress(Id, 1, 10)).Message);
        Refused(Failed(), new RecordTranscodeProgress(Id, 1, 10));
        var qc = InQualityCheck();
        Assert.Empty(Decisions.Accept(qc, qc.Handle(new RecordTranscodeProgress(Id, 10, 10), Now)).Events);
    }

    [Fact]
    public void A_transcode_failure_must_fail_the_title_with_its_reason_once()
    {
        var failed = Step(Transcoding(), new RecordTranscodeFailed(Id, "ffmpeg exited with 1: Invalid data found"), Now);
        Assert.Equal(TitleStatus.Failed, failed.Status);
        Assert.Equal((TitleFailure.TranscodeStage, "ffmpeg exited with 1: Invalid data found"), (failed.Failure!.Stage, failed.Failure.Reason));
        Assert.Empty(Decisions.Accept(failed, failed.Handle(new RecordTranscodeFailed(Id, "ffmpeg exited with 1: Invalid data found"), Now)).Events);
        Refused(failed, new RecordTranscodeFailed(Id, "another reason"));
        Refused(Uploaded(), new RecordTranscodeFailed(Id, "x"));
        Refused(Published(), new RecordTranscodeFailed(Id, "x"));
    }

    [Fact]
    public void A_very_long_failure_reason_must_be_cut_not_lost()
    {
        var failed = Step(Transcoding(), new RecordTranscodeFailed(Id, new string('e', 10_000)), Now);
        Assert.Equal(TitleRules.MaxReason, failed.Failure!.Reason.Length);
    }

    [Fact]
    public void Packaging_must_record_where_the_renditions_live_and_move_to_quality_check()
    {
        var qc = InQualityCheck();
        Assert.Equal(TitleStatus.QualityCheck, qc.Status);
        Assert.Equal(($"titles/{Id}/hls/", "master.m3u8", $"titles/{Id}/hls/master.m3u8"), (qc.Package!.HlsPrefix, qc.Package.MasterPlaylist, qc.Package.MasterKey));
        Assert.Empty(Decisions.Accept(qc, qc.Handle(Packaged(), Now)).Events);
    }

    [Fact]
    public void Packaging_must_refuse_a_prefix_outside_the_title_a_bad_playlist_name_and_the_wrong_status()
    {
        var transcoding = Transcoding();
        Refused(transcoding, Packaged() with { HlsPrefix = "titles/other/hls/" }, RejectionKind.Invalid);
        Refused(transcoding, Packaged() with { HlsPrefix = $"titles/{Id}/hls/../../x/" }, RejectionKind.Invalid);
        Refused(transcoding, Packaged() with { HlsPrefix = $"titles/{Id}/hls" }, RejectionKind.Invalid);
        Refused(transcoding, Packaged() with { MasterPlaylist = "../master.m3u8" }, RejectionKind.Invalid);
        Refused(transcoding, Packaged() with { MasterPlaylist = "master.txt" }, RejectionKind.Invalid);
        Refused(transcoding, Packaged() with { Rungs = [] }, RejectionKind.Invalid);
        Assert.Contains("only when it is Probed or Transcoding", Refused(Uploaded(), Packaged()).Message);
    }

    [Fact]
    public void A_passing_qc_report_must_be_kept_and_allow_publishing()
    {
        var reported = Step(InQualityCheck(), new RecordQcReport(Id, CleanQc), Now);
        Assert.Equal(TitleStatus.QualityCheck, reported.Status);
        Assert.Empty(Decisions.Accept(reported, reported.Handle(new RecordQcReport(Id, new TitleQcSummary(true, false, [])), Now)).Events);
        var published = Step(reported, new PublishTitle(Id), Now.AddMinutes(1));
        Assert.Equal((TitleStatus.Published, (DateTimeOffset?)Now.AddMinutes(1)), (published.Status, published.PublishedAt));
    }

    [Fact]
    public void A_qc_report_that_blocks_publishing_must_fail_the_title_with_its_findings()
    {
        var (state, events, _) = Decisions.Accept(InQualityCheck(), InQualityCheck().Handle(new RecordQcReport(Id, BlockingQc), Now));
        Assert.Equal([typeof(TitleQcReported), typeof(TitleFailed)], events.Select(e => e.GetType()));
        Assert.Equal(TitleStatus.Failed, state.Status);
        Assert.Equal(TitleFailure.QualityStage, state.Failure!.Stage);
        Assert.Contains("stuck pixel at 10,20", state.Failure.Reason);
        Assert.Empty(Decisions.Accept(state, state.Handle(new RecordQcReport(Id, BlockingQc), Now)).Events);
        Refused(state, new PublishTitle(Id));
    }

    [Fact]
    public void A_qc_report_must_conflict_outside_quality_check()
    {
        Assert.Contains("only when it is QualityCheck", Refused(Transcoding(), new RecordQcReport(Id, CleanQc)).Message);
        Refused(Published(), new RecordQcReport(Id, BlockingQc));
    }

    [Fact]
    public void Publish_must_wait_for_quality_control_and_be_idempotent()
    {
        Assert.Contains("before quality control has reported", Refused(InQualityCheck(), new PublishTitle(Id)).Message);
        Assert.Contains("only when it is QualityCheck", Refused(Transcoding(), new PublishTitle(Id)).Message);
        Refused(Created(), new PublishTitle(Id));
        var published = Published();
        Assert.Empty(Decisions.Accept(published, published.Handle(new PublishTitle(Id), Now)).Events);
    }

    [Fact]
    public void Get_must_answer_the_view_and_persist_nothing_in_every_status()
    {
        foreach (var state in new[] { Created(), Uploaded(), Probing(), Probed(), Transcoding(), InQualityCheck(), Published(), Failed() })
        {
            var (_, events, reply) = Decisions.Accept(state, state.Handle(new GetTitle(Id), Now));
            Assert.Empty(events);
            Assert.Equal(state.Status, Assert.IsType<TitleView>(reply).Status);
        }
    }
}
