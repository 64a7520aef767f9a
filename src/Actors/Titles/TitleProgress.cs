using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Titles;

/// <summary>Encode jobs (chunk × rung) of one rung done out of its total.</summary>
public sealed record RungProgress(string Rung, int ChunksDone, int ChunksTotal);

/// <summary>
/// A transcode's progress: encode jobs done of the total (every rung together), per rung when reported, when it
/// started and when it last moved. The estimate extrapolates the rate so far from the last update, so it is the same
/// whenever it is asked.
/// </summary>
public sealed record TitleProgress(int ChunksDone, int ChunksTotal, IReadOnlyList<RungProgress> Rungs, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt)
{
    [JsonIgnore]
    public double Percent => ChunksTotal <= 0 ? 0 : Math.Round(100.0 * ChunksDone / ChunksTotal, 1);

    /// <summary>Time still needed at the rate so far; null until the first job is done.</summary>
    [JsonIgnore]
    public TimeSpan? EstimatedRemaining
    {
        get
        {
            if (ChunksDone <= 0 || ChunksTotal <= 0) return null;
            if (ChunksDone >= ChunksTotal) return TimeSpan.Zero;
            var perJob = (UpdatedAt - StartedAt).Ticks / (double)ChunksDone;
            return TimeSpan.FromTicks((long)(perJob * (ChunksTotal - ChunksDone)));
        }
    }

    public TitleProgressView View() =>
        new(ChunksDone, ChunksTotal, Percent, Rungs, StartedAt, UpdatedAt, EstimatedRemaining, UpdatedAt + EstimatedRemaining);
}
