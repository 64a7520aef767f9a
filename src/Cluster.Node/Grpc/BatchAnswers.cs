namespace MediaPlatform.Node.Grpc;

/// <summary>Answers the items of a batch call concurrently, a bounded number at a time, in the order asked.</summary>
public static class BatchAnswers
{
    /// <summary>Asks in flight per batch: enough to hide entity round trips, few enough that one call cannot flood a node.</summary>
    public const int Parallelism = 32;

    public static async Task<TResult[]> AnswerAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult>> answer, CancellationToken ct)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => results[i] = await answer(items[i], token));
        return results;
    }
}
