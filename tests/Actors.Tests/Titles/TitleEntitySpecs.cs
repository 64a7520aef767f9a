using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Titles;
using static MediaPlatform.Actors.Tests.Titles.TitleSamples;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>The title actor over a journal: state survives a kill, repeats persist nothing, refusals persist nothing.</summary>
public sealed class TitleEntitySpecs() : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create())
{
    private readonly ManualClock _clock = new(TitleSamples.Now);

    private IActorRef Start(string id) => Sys.ActorOf(TitleEntity.PropsFor(id, EntitySettings.From(Sys), _clock));

    private static async Task<T> Ask<T>(IActorRef entity, ITitleCommand command) => await entity.Ask<T>(command, TimeSpan.FromSeconds(5));

    private async Task<IActorRef> KillAndRestartAsync(IActorRef entity, string id)
    {
        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        return Start(id);
    }

    [Fact]
    public async Task A_killed_title_must_recover_the_identical_state_from_snapshot_and_events()
    {
        var entity = Start(Id);
        await Ask<TitleView>(entity, new CreateTitle(Id, Owner, "Holiday", "Our trip"));
        await Ask<TitleView>(entity, Upload());
        await Ask<TitleView>(entity, Subtitles("en", "s1"));
        await Ask<TitleView>(entity, new StartProbe(Id));
        await Ask<TitleView>(entity, RecordProbe.Accepted(Id, Probe, Ladder));
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Ask<TitleView>(entity, new RecordTranscodeProgress(Id, 3, 12, [new RungProgress("240p", 3, 6)]));
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Ask<TitleView>(entity, new RecordTranscodeProgress(Id, 7, 12));
        var before = await Ask<TitleView>(entity, new GetTitle(Id));

        // 7 events with snapshot-every = 3: recovery reads a snapshot and the events after it.
        var after = await Ask<TitleView>(await KillAndRestartAsync(entity, Id), new GetTitle(Id));
        Assert.Equal(Json(before), Json(after));
        Assert.Equal((TitleStatus.Transcoding, 7, TitleSamples.Now.AddSeconds(10)), (after.Status, after.Progress!.ChunksDone, after.Progress.StartedAt));
    }

    [Fact]
    public async Task A_published_title_must_recover_published_with_its_package()
    {
        const string id = "t-published";
        var entity = Start(id);
        await Ask<TitleView>(entity, new CreateTitle(id, Owner, "Done", ""));
        await Ask<TitleView>(entity, new RecordSourceUploaded(id, "u1", TitleBlobKeys.Source(id, "u1"), 10, null));
        await Ask<TitleView>(entity, new StartProbe(id));
        await Ask<TitleView>(entity, RecordProbe.Accepted(id, Probe, Ladder));
        await Ask<TitleView>(entity, new RecordPackaged(id, TitleBlobKeys.Hls(id), "master.m3u8", Ladder));
        await Ask<TitleView>(entity, new RecordQcReport(id, CleanQc));
        var published = await Ask<TitleView>(entity, new PublishTitle(id));

        var recovered = await Ask<TitleView>(await KillAndRestartAsync(entity, id), new GetTitle(id));
        Assert.Equal(Json(published), Json(recovered));
        Assert.Equal((TitleStatus.Published, $"titles/{id}/hls/master.m3u8"), (recovered.Status, recovered.Package!.MasterKey));
    }

    [Fact]
    public async Task Repeats_must_answer_the_same_and_a_refusal_must_persist_nothing()
    {
        const string id = "t-repeats";
        var entity = Start(id);
        var created = await Ask<TitleView>(entity, new CreateTitle(id, Owner, "Again", ""));
        Assert.Equal(Json(created), Json(await Ask<TitleView>(entity, new CreateTitle(id, Owner, "Again", ""))));

        var refused = await Ask<Rejection>(entity, new StartProbe(id));
        Assert.Equal(RejectionKind.Conflict, refused.Kind);
        var conflict = await Ask<Rejection>(entity, new CreateTitle(id, "u-other", "Again", ""));
        Assert.Equal(RejectionKind.Conflict, conflict.Kind);

        var recovered = await Ask<TitleView>(await KillAndRestartAsync(entity, id), new GetTitle(id));
        Assert.Equal(Json(created), Json(recovered)); // nothing but the creation was ever stored
    }

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
}
