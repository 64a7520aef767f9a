using System.ComponentModel;
using System.Diagnostics;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The CPU side of the media bulkhead: a worker's ffmpeg and ffprobe processes run below normal priority (nice 10 on
/// Linux), so when encodes keep every core busy the node's own threads — cluster heartbeats, gossip, HTTP — still get
/// the CPU first. Set right after start, before ffmpeg spawns its worker threads (which inherit it).
/// </summary>
public static class FfmpegPriority
{
    public static FfmpegRunner Runner(TranscodeSettings settings, Action<int>? onRunningChanged = null) =>
        new(onRunningChanged, settings.LowerFfmpegPriority ? (processId, _, _) => Lower(processId) : null);

    public static void Lower(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception)
        {
            // Already exited, or not ours to change: it runs at normal priority, which is only slower for the node.
        }
    }
}
