using System.Diagnostics;
using Akka.Configuration;
using MediaPlatform.Actors.Observability;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Sharding;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Observability;

/// <summary>
/// The trace context travels with a message only while the node records traces: then the envelope crosses the wire
/// and sharding routes it as the message it carries; without tracing the message goes bare, even though ASP.NET Core
/// keeps an Activity current in every request.
/// </summary>
public sealed class TracedMessageSpecs : Akka.TestKit.Xunit2.TestKit
{
    private static Config SpecConfig => ConfigurationFactory.ParseString(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "serialization.hocon")));

    public TracedMessageSpecs() : base(SpecConfig) { }

    [Fact]
    public void Without_tracing_a_message_asked_inside_a_request_goes_bare()
    {
        var command = new UpdateUserProfile("user-1", "Ann");
        // What ASP.NET Core starts for a request without any tracer listening; sampled by the caller's traceparent.
        using var request = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn")
            .SetParentId("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").Start();
        Assert.True(request.Recorded);

        Assert.Same(command, TracedMessage.Wrap(command));
        var bytes = Sys.Serialization.FindSerializerFor(command).ToBinary(command);
        Assert.DoesNotContain("0af7651916cd43dd8448eb211c80319c", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void With_tracing_a_message_carries_its_trace_context_over_the_wire_and_is_routed_as_what_it_carries()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ActivitySources.EntitiesName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var span = ActivitySources.Entities.StartActivity("request")!;
        span.TraceStateString = "vendor=1";
        var command = new UpdateUserProfile("user-1", "Ann");

        var traced = Assert.IsType<TracedMessage>(TracedMessage.Wrap(command));
        var serializer = Assert.IsType<ProtocolSerializer>(Sys.Serialization.FindSerializerFor(traced));
        var restored = Assert.IsType<TracedMessage>(Sys.Serialization.Deserialize(serializer.ToBinary(traced), serializer.Identifier, serializer.Manifest(traced)));

        Assert.Equal(command, restored.Message);
        Assert.Equal(span.Id, restored.TraceParent());
        Assert.Equal("vendor=1", restored.Context.TraceState);
        Assert.Equal(span.TraceId, restored.Context.TraceId);
        Assert.Equal(span.SpanId, restored.Context.SpanId);
        Assert.True(restored.Context.IsRemote);

        var extractor = new EntityMessageExtractor<IUserCommand>(m => m.UserId);
        Assert.Equal("user-1", extractor.EntityId(restored));
        Assert.Same(restored, extractor.EntityMessage(restored)); // the entity receives the envelope and joins the trace
    }
}
