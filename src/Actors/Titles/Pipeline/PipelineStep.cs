namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>What one step of a title's pipeline left to do next.</summary>
public enum PipelineStep
{
    /// <summary>The title moved on: look again at once.</summary>
    Continue,
    /// <summary>Encodes are running in the cluster: look again on the next notice or poll.</summary>
    Waiting,
    /// <summary>Published, failed or nothing uploaded: the pipeline stops.</summary>
    Finished,
}
