using System.Diagnostics;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// Collects a process's stdout and stderr line by line, in memory (for assertions and failure reports) and
/// optionally in a log file (to read while a spec runs). Survives several processes in turn (a node restarted).
/// </summary>
public sealed class CapturedOutput : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _all = [];
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private StreamWriter? _file;

    public CapturedOutput(string? logFile)
    {
        if (logFile is not null) _file = new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    public IReadOnlyList<string> Lines { get { lock (_gate) return _all.ToArray(); } }
    public IReadOnlyList<string> StandardOutput { get { lock (_gate) return _stdout.ToArray(); } }
    public IReadOnlyList<string> StandardError { get { lock (_gate) return _stderr.ToArray(); } }

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data, _stdout);
        process.ErrorDataReceived += (_, e) => Add(e.Data, _stderr);
    }

    /// <summary>A line of our own (e.g. which command line started), kept apart from the process's streams.</summary>
    public void Note(string line) => Add(line, target: null);

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private void Add(string? line, List<string>? target)
    {
        if (line is null) return; // end of stream
        lock (_gate)
        {
            _all.Add(line);
            target?.Add(line);
            _file?.WriteLine(line);
        }
    }
}
