namespace MediaPlatform.Actors.Work;

/// <summary>
/// How much new work one worker can take now (its free slots), its cores, and the size of the items it holds
/// (<see cref="WorkItem.Size"/>); input to <see cref="WorkQueueState.Dispatch"/>.
/// </summary>
public sealed record WorkerDemand(string Worker, string Node, int Slots, int Cores = 1, long Load = 0);
