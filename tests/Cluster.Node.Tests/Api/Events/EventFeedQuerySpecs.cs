using System.Text.Json.Nodes;
using MediaPlatform.Node.Api.Events;

namespace MediaPlatform.Node.Tests.Api.Events;

/// <summary>The event feed's parameters and its redaction, without a node.</summary>
public sealed class EventFeedQuerySpecs
{
    [Fact]
    public void Last_event_id_wins_over_after_and_defaults_fill_the_rest()
    {
        Assert.Equal(new EventFeedQuery("billing", 0, EventFeedQuery.DefaultLimit), EventFeedQuery.Parse("billing", null, null, null, out _));
        Assert.Equal(new EventFeedQuery("title", 42, 5), EventFeedQuery.Parse("title", "7", "5", "42", out _));
        Assert.Equal(new EventFeedQuery("image", 7, 1000), EventFeedQuery.Parse("image", "7", "1000", "", out _));
    }

    [Theory]
    [InlineData("users", "0", "10", "tag must be one of title, image, billing")]
    [InlineData("title", "-1", "10", "after")]
    [InlineData("title", "+1", "10", "after")]
    [InlineData("title", "1e3", "10", "after")]
    [InlineData("title", "0", "0", "limit must be 1 to 1000")]
    [InlineData("title", "0", "1001", "limit must be 1 to 1000")]
    public void Bad_parameters_are_refused_with_their_reason(string tag, string after, string limit, string reason)
    {
        Assert.Null(EventFeedQuery.Parse(tag, after, limit, null, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Tokens_secrets_passwords_idempotency_keys_and_coupon_codes_are_redacted_at_any_depth_and_the_rest_is_kept()
    {
        var data = JsonNode.Parse("""
            {"card":{"cardId":"card_1","token":"tok_abc","last4":"4242"},"cardToken":"tok_def","payments":[{"clientSecret":"s"}],"passwordHash":"h","amountMinor":799,
             "key":"k1","gatewayKey":"g1","idempotencyKey":"i1","couponCode":"SAVE10","blobKey":"titles/t1/source"}
            """);

        var redacted = FeedRedaction.Redact(data)!.ToJsonString();

        Assert.Equal("""{"card":{"cardId":"card_1","token":"[redacted]","last4":"4242"},"cardToken":"[redacted]","payments":[{"clientSecret":"[redacted]"}],"passwordHash":"[redacted]","amountMinor":799,"key":"[redacted]","gatewayKey":"[redacted]","idempotencyKey":"[redacted]","couponCode":"[redacted]","blobKey":"titles/t1/source"}""",
            redacted);
    }
}
