using Akka.Actor;

namespace MediaPlatform.Actors.Images;

// Local messages between a stage queue and its node's worker pool (never leave the node, so not protocol messages).

/// <summary>
/// A queue partition has jobs no worker holds: the pool pulls when it has a free slot, from partitions holding uploads
/// (<see cref="Uploads"/>) before those holding only title frames.
/// </summary>
public sealed record ImageWorkAvailable(IActorRef Queue, bool Uploads = true);

/// <summary>The pool has a free slot: hand out one job (or <see cref="NoImageJob"/>).</summary>
public sealed class RequestImageJob
{
    public static readonly RequestImageJob Instance = new();
}

public sealed class NoImageJob
{
    public static readonly NoImageJob Instance = new();
}

/// <summary>A job handed to a worker until <see cref="Until"/>; <see cref="Attempt"/> counts from 1.</summary>
public sealed record ImageJobLease(ImageJob Job, int Attempt, IActorRef Queue, DateTimeOffset Until);
