using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Tests.Serialization;
using static MediaPlatform.Actors.Tests.Parties.PartyScenes;

namespace MediaPlatform.Actors.Tests.Parties;

/// <summary>
/// Party events and snapshots stored before operation ids existed (the shapes as they were first pinned) still read
/// through the node's serializer: no id, and a party restored from them takes new operations.
/// </summary>
public sealed class PartyStoredShapeSpecs(StoredShapeGoldenSpecs.SerializerFixture fixture) : IClassFixture<StoredShapeGoldenSpecs.SerializerFixture>
{
    private const string PlaybackBeforeIds = """{"byUserId":"sample-String-7","action":"Rate","playing":true,"positionSeconds":10.25,"rate":10.25,"at":"2026-03-14T15:24:26+00:00"}""";
    private const string ChatBeforeIds = """{"userId":"sample-String-7","text":"sample-String-7","at":"2026-03-14T15:24:26+00:00"}""";
    private const string StateBeforeIds = """{"partyId":"sample-String-7","exists":true,"hostId":"sample-String-7","media":{"kind":"Live","id":"sample-String-8"},"control":"Everyone","idleEndAfter":"00:01:39","members":[{"userId":"sample-String-9","joinedAt":"2026-03-14T15:26:26+00:00"}],"invites":[{"userId":"sample-String-9","byUserId":"sample-String-9","expiresAt":"2026-03-14T15:26:26+00:00"}],"connections":[{"userId":"sample-String-9","connectionId":"sample-String-9","node":"sample-String-9"}],"playback":{"playing":true,"positionSeconds":11.25,"rate":11.25,"at":"2026-03-14T15:25:26+00:00"},"chat":[{"seq":4200000008,"userId":"sample-String-9","text":"sample-String-9","at":"2026-03-14T15:26:26+00:00"}],"createdAt":"2026-03-14T15:24:26+00:00","emptySince":"2026-03-14T15:24:26+00:00","endReason":"Idle","version":4200000006}""";

    private object Read(string json, string manifest) => fixture.Serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json), manifest);

    [Fact]
    public void Events_stored_before_operation_ids_must_read_without_one()
    {
        Assert.Null(Assert.IsType<PartyPlaybackChanged>(Read(PlaybackBeforeIds, "party.playback-changed.v1")).OperationId);
        Assert.Null(Assert.IsType<PartyChatPosted>(Read(ChatBeforeIds, "party.chat-posted.v1")).OperationId);
    }

    [Fact]
    public void A_snapshot_stored_before_operation_ids_must_restore_a_party_that_remembers_new_ones()
    {
        var restored = Assert.IsType<PartyState>(Read(StateBeforeIds, "party.state.v1"));
        Assert.Empty(restored.Operations);
        var member = restored.Members[0].UserId;
        var next = restored with { EndReason = null, Control = PartyControl.Everyone };
        var (after, events, _) = Decide(next, new ControlPlayback(restored.PartyId, member, PlaybackAction.Seek, 3, null, "op-1"));
        Assert.Single(events);
        Assert.True(after.Applied(member, "op-1"));
    }
}
