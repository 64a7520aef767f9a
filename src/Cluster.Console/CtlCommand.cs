namespace MediaPlatform.Ctl;

/// <summary>One console command: its words (e.g. "cluster show"), argument names for usage, and what it does.</summary>
public sealed record CtlCommand(string Name, string Arguments, string Help, Func<CtlContext, IReadOnlyList<string>, Task> Run)
{
    public string[] Words { get; } = Name.Split(' ');
}

/// <summary>What a running command works with.</summary>
public sealed record CtlContext(NodeClient Node, CtlOptions Options, TextWriter Out, CancellationToken Cancel);
