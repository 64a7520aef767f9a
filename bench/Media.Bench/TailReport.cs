using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Bench.Media;

/// <summary>
/// Where the time after the encodes went, the part of the timeline's "after the last" the chart cannot split: how long
/// one slot ran alone after another's last encode (an unbalanced end), from the last encode to the package step
/// starting (the pipeline noticing the batch is done), the package step itself (the node's <c>/cluster/local-steps</c>),
/// and from the package to the title seen published (storing, recording, publishing, the bench's 100 ms poll).
/// </summary>
public static class TailReport
{
    public static void Print(string scenario, PipelineTimes times)
    {
        if (times.Timeline is not { Spans.Count: > 0 } timeline) return;
        var lastEnds = timeline.Spans.GroupBy(s => (s.Worker, s.Slot)).Select(g => g.Max(s => s.EndedAt)).ToList();
        var lastEnd = lastEnds.Max();
        var alone = lastEnds.Count > 1 ? lastEnd - lastEnds.Min() : TimeSpan.Zero;
        var line = $"{scenario}: tail: slots' last encodes ended {alone.TotalSeconds:0.00} s apart";
        if (times.LocalSteps?.Recent.LastOrDefault(s => s.Kind == "package") is { } package)
            line += $"; last encode to package start {(package.StartedAt - lastEnd).TotalSeconds:0.00} s, package " +
                    $"{(package.EndedAt - package.StartedAt).TotalSeconds:0.00} s, package end to published seen " +
                    $"{(times.PublishedAt - package.EndedAt).TotalSeconds:0.00} s";
        else line += $"; last encode to published seen {(times.PublishedAt - lastEnd).TotalSeconds:0.00} s";
        Console.WriteLine(line);
        if (times.LocalSteps is { } steps)
            Console.WriteLine($"  local steps: {string.Join(", ", steps.Recent.Select(s => $"{s.Kind} {(s.StartedAt - times.UploadedAt).TotalSeconds:0.0}" +
                                                                                          $"–{(s.EndedAt - times.UploadedAt).TotalSeconds:0.0} s"))}");
    }
}
