using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Quality.Subtitles;
using static MediaPlatform.Actors.Tests.Titles.TitleSamples;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>Pure rules of a title's creation, source uploads and subtitles.</summary>
public sealed class TitleStateSpecs
{
    [Fact]
    public void Create_must_make_a_title_owned_by_the_creator_with_trimmed_name()
    {
        var (state, events, reply) = Decisions.Accept(TitleState.Empty(Id), TitleState.Empty(Id).Handle(new CreateTitle(Id, Owner, "  Holiday ", "Our trip"), Now));
        Assert.IsType<TitleCreated>(Assert.Single(events));
        var view = Assert.IsType<TitleView>(reply);
        Assert.Equal((TitleStatus.Created, Owner, "Holiday", "Our trip", Now), (view.Status, view.OwnerId, view.Name, view.Description, view.CreatedAt));
        Assert.Equal(TitleStatus.Created, state.Status);
    }

    [Fact]
    public void Create_repeated_with_the_same_details_must_answer_the_title_and_different_details_must_conflict()
    {
        var state = Created();
        Assert.Empty(Decisions.Accept(state, state.Handle(new CreateTitle(Id, Owner, "Holiday", "Our trip"), Now)).Events);
        Assert.Contains("already exists", Refused(state, new CreateTitle(Id, Owner, "Other", "Our trip")).Message);
        Refused(state, new CreateTitle(Id, "u-someone-else", "Holiday", "Our trip"));
    }

    public static TheoryData<CreateTitle, string> BadCreations() => new()
    {
        { new CreateTitle(Id, Owner, "", "x"), "name is required" },
        { new CreateTitle(Id, Owner, "   ", "x"), "name is required" },
        { new CreateTitle(Id, Owner, new string('n', TitleRules.MaxName + 1), "x"), "longer than" },
        { new CreateTitle(Id, Owner, "a\u0007b", "x"), "control characters" },
        { new CreateTitle(Id, Owner, "ok", new string('d', TitleRules.MaxDescription + 1)), "description is longer" },
        { new CreateTitle(Id, Owner, "ok", "bell\u0007"), "control characters" },
        { new CreateTitle(Id, "", "ok", ""), "owner id" },
        { new CreateTitle("t-other", Owner, "ok", ""), "not valid here" },
    };

    [Theory]
    [MemberData(nameof(BadCreations))]
    public void Create_with_bad_details_must_be_refused_as_invalid(CreateTitle create, string expected) =>
        Assert.Contains(expected, Decisions.Refused(TitleState.Empty(Id).Handle(create, Now), RejectionKind.Invalid).Message);

    [Fact]
    public void Every_command_but_create_must_answer_not_found_before_the_title_exists()
    {
        ITitleCommand[] commands = [new GetTitle(Id), Upload(), Subtitles(), new StartProbe(Id), RecordProbe.Accepted(Id, Probe, Ladder),
            new RecordTranscodeProgress(Id, 1, 2), new RecordTranscodeFailed(Id, "x"), Packaged(), new RecordQcReport(Id, CleanQc), new PublishTitle(Id)];
        foreach (var command in commands)
            Assert.Contains("does not exist", Refused(TitleState.Empty(Id), command, RejectionKind.NotFound).Message);
    }

    [Fact]
    public void Upload_must_record_the_source_with_its_original_file_name_as_metadata()
    {
        var view = Uploaded().View();
        Assert.Equal(TitleStatus.SourceUploaded, view.Status);
        Assert.Equal(new TitleSource("up1", UploadKey(), 1234, "holiday.mp4", Now), view.Source);
    }

    [Fact]
    public void Upload_repeated_with_the_same_upload_id_must_persist_nothing()
    {
        var state = Uploaded();
        Assert.Empty(Decisions.Accept(state, state.Handle(Upload(), Now)).Events);
    }

    [Fact]
    public void A_new_upload_must_replace_the_source_before_probing_and_start_a_failed_title_over()
    {
        var replaced = Step(Uploaded(), Upload("up2", 99), Now);
        Assert.Equal(("up2", 99L), (replaced.Source!.UploadId, replaced.Source.SizeBytes));

        var restarted = Step(Failed(), Upload("up3"), Now);
        Assert.Equal(TitleStatus.SourceUploaded, restarted.Status);
        Assert.Null(restarted.Failure);
        Assert.Null(restarted.Probe);
    }

    [Fact]
    public void Upload_while_processing_or_published_must_conflict_saying_why()
    {
        Assert.Contains("being processed (Probing)", Refused(Probing(), Upload("up2")).Message);
        Assert.Contains("being processed (Transcoding)", Refused(Transcoding(), Upload("up2")).Message);
        Assert.Contains("being processed (QualityCheck)", Refused(InQualityCheck(), Upload("up2")).Message);
        Assert.Contains("published", Refused(Published(), Upload("up2")).Message);
    }

    [Fact]
    public void Upload_must_refuse_a_key_not_derived_from_the_ids_an_empty_file_and_a_bad_upload_id()
    {
        var state = Created();
        Assert.Contains("must be stored at", Refused(state, Upload() with { BlobKey = "titles/other/source/up1" }, RejectionKind.Invalid).Message);
        Assert.Contains("must be stored at", Refused(state, Upload() with { BlobKey = "../etc/passwd" }, RejectionKind.Invalid).Message);
        Assert.Contains("empty", Refused(state, Upload(size: 0), RejectionKind.Invalid).Message);
        Refused(state, Upload() with { UploadId = "../x" }, RejectionKind.Invalid);
    }

    [Fact]
    public void Subtitles_must_be_attached_per_language_and_replaced_by_a_new_upload_of_that_language()
    {
        var state = Step(Step(Created(), Subtitles("fr", "s1"), Now), Subtitles("en", "s2", SubtitleFormat.Srt), Now);
        Assert.Equal(["en", "fr"], state.Subtitles.Select(s => s.Language));
        var replaced = Step(state, Subtitles("fr", "s3", SubtitleFormat.Srt), Now);
        Assert.Equal(2, replaced.Subtitles.Count);
        Assert.Equal(("s3", SubtitleFormat.Srt), (replaced.Subtitles.Single(s => s.Language == "fr").UploadId, replaced.Subtitles.Single(s => s.Language == "fr").Format.ToFormat()));
        Assert.Empty(Decisions.Accept(replaced, replaced.Handle(Subtitles("fr", "s3", SubtitleFormat.Srt), Now)).Events);
    }

    [Fact]
    public void Subtitles_must_be_refused_while_quality_control_runs_and_taken_again_once_published()
    {
        Assert.Contains("before quality control", Refused(InQualityCheck(), Subtitles()).Message);
        Step(Transcoding(), Subtitles(), Now); // still fine while transcoding
        var published = Step(Published(), Subtitles("en", "late"), Now);
        Assert.Equal(TitleStatus.Published, published.Status);
        Assert.Equal("late", published.Subtitles.Single().UploadId);
    }

    [Fact]
    public void Subtitles_must_refuse_bad_languages_formats_keys_and_too_many_tracks()
    {
        var state = Created();
        Refused(state, Subtitles("EN"), RejectionKind.Invalid);
        Refused(state, Subtitles("english-language-x"), RejectionKind.Invalid);
        Refused(state, Subtitles() with { Format = SubtitleFormat.Unknown }, RejectionKind.Invalid);
        Refused(state, Subtitles() with { BlobKey = "titles/x/subtitles/en/s1.vtt" }, RejectionKind.Invalid);
        Refused(state, Subtitles() with { SizeBytes = 0 }, RejectionKind.Invalid);
        var full = Enumerable.Range(0, TitleRules.MaxSubtitleTracks)
            .Aggregate(state, (s, i) => Step(s, Subtitles($"l{(char)('a' + i)}", $"s{i}"), Now));
        Assert.Contains("at most", Refused(full, Subtitles("zz", "s99")).Message);
    }

    [Theory]
    [InlineData(" EN ", "en")]
    [InlineData("pt-BR", "pt-br")]
    [InlineData("zh-Hant", "zh-hant")]
    public void Languages_must_be_normalized_to_lower_case_tags(string input, string expected)
    {
        Assert.True(TitleRules.TryNormalizeLanguage(input, out var language, out _));
        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("../en")]
    [InlineData("en/../../x")]
    [InlineData("en_US")]
    [InlineData("english")]
    public void Languages_outside_the_tag_alphabet_must_be_refused(string input) =>
        Assert.False(TitleRules.TryNormalizeLanguage(input, out _, out _));
}
