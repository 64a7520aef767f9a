namespace MediaPlatform.Actors.Work;

/// <summary>How much new work one worker can take now (its free slots); input to <see cref="WorkQueueState.Dispatch"/>.</summary>
public sealed record WorkerDemand(string Worker, string Node, int Slots);
