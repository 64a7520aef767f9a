using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api;

namespace MediaPlatform.Node.Tests.Api.Resilience;

/// <summary>
/// A command the entity accepts again as the same command (<see cref="IResendSafe"/>) is sent once more when its ask
/// timed out, as when sharding dropped it during a shard hand-over; any other command is sent once. A test probe
/// stands where the shard region would be, so the first copy can go unanswered.
/// </summary>
public sealed class EntityAskResendSpecs : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Attempt = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_create_whose_ask_timed_out_is_sent_again_and_its_answer_returned()
    {
        var region = CreateTestProbe();
        var create = new CreateTitle("t-0123456789abcdef", "u-owner", "A title", "", 100);

        var asking = region.Ref.AskEntityAsync<string>(create, CancellationToken.None, Attempt);
        Assert.Equal(create, await region.ExpectMsgAsync<CreateTitle>()); // lost: never answered
        Assert.Equal(create, await region.ExpectMsgAsync<CreateTitle>(TimeSpan.FromSeconds(10)));
        region.Reply("created");

        var answer = await asking;
        Assert.Equal("created", answer.Reply);
    }

    [Fact]
    public async Task A_command_that_is_not_resend_safe_is_sent_once_and_a_timeout_answers_unavailable()
    {
        var region = CreateTestProbe();

        var answer = await region.Ref.AskEntityAsync<string>(new RecordTranscodeFailed("t-0123456789abcdef", "broken"), CancellationToken.None, Attempt);

        Assert.Equal(RejectionKind.Unavailable, answer.Rejection?.Kind);
        await region.ExpectMsgAsync<RecordTranscodeFailed>();
        Assert.False(region.HasMessages);
    }
}
