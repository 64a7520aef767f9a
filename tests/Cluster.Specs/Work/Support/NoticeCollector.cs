using System.Collections.Concurrent;
using Akka.Actor;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>Stands where a title's orchestrator will: keeps every notice the coordinator sends it.</summary>
public sealed class NoticeCollector : ReceiveActor
{
    public NoticeCollector(ConcurrentQueue<object> notices) => ReceiveAny(notices.Enqueue);

    public static Props PropsFor(ConcurrentQueue<object> notices) => Props.Create(() => new NoticeCollector(notices));
}
