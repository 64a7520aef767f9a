namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// Deadlines for multi-process specs, generous because the machine has 2 cores and may be busy. Measured here:
/// formation ~10-20 s, SIGKILL to removed ~15 s (SBR stable-after 7 s), SIGTERM to exit ~1-3 s.
/// </summary>
public static class SpecTimeouts
{
    public static readonly TimeSpan Formation = TimeSpan.FromSeconds(90);
    public static readonly TimeSpan Downing = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan GracefulExit = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StillServing = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan BadConfigurationExit = TimeSpan.FromSeconds(60);
}
