using System.Diagnostics;

namespace MediaPlatform.Testing;

/// <summary>
/// Polls a condition until it holds or a deadline passes: the only way tests wait (never a fixed sleep). A
/// <see cref="StopWaitingException"/> ends the wait at once.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Retries the assertion until it stops throwing; returns how long that took.</summary>
    public static async Task<TimeSpan> AwaitAssertAsync(Func<Task> assertion, TimeSpan timeout, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await assertion();
                return clock.Elapsed;
            }
            catch (Exception e) when (e is not StopWaitingException)
            {
                if (clock.Elapsed >= timeout)
                    throw new TimeoutException($"still failing after {timeout.TotalSeconds:0.#} s: {e.Message}", e);
            }
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Waits until the condition is true; <paramref name="what"/> names it in the timeout message.</summary>
    public static Task<TimeSpan> AwaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(async () =>
        {
            if (!await condition()) throw new ConditionNotMetException($"waiting for {what ?? "a condition"}");
        }, timeout, interval);

    /// <summary>Waits until the condition is true; <paramref name="what"/> names it in the timeout message.</summary>
    public static Task<TimeSpan> AwaitAsync(Func<bool> condition, TimeSpan timeout, string? what = null, TimeSpan? interval = null) =>
        AwaitAsync(() => Task.FromResult(condition()), timeout, what, interval);

    private sealed class ConditionNotMetException(string message) : Exception(message);
}
