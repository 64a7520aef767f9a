namespace MediaPlatform.Ctl;

/// <summary>
/// `mpctl` with no command: reads command lines and runs them against the same node until `exit`, `quit` or EOF.
/// On a terminal, lines are edited with <see cref="LineEditor"/> (history, tab completion); piped input is read plainly.
/// </summary>
public static class InteractivePrompt
{
    private const string Prompt = "mpctl> ";

    public static async Task<int> RunAsync(CtlOptions options, TextWriter stdout, TextWriter stderr)
    {
        var terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var editor = terminal ? new LineEditor(Prompt, CtlCommands.All.Select(c => c.Name).Append("exit").ToArray()) : null;
        if (terminal) stdout.WriteLine($"mpctl connected to {options.Host}; `help` lists commands, `exit` quits.");
        var last = CtlExitCodes.Ok;
        while (true)
        {
            var line = editor is not null ? editor.ReadLine() : await Console.In.ReadLineAsync();
            if (line is null) return last;
            var words = Split(line);
            if (words.Count == 0) continue;
            if (words[0] is "exit" or "quit") return last;
            try
            {
                // Options given on the command line (--host, --token, --json) stay; a line may override them.
                var lineOptions = CtlOptions.Parse(words, options);
                using var cancel = new CancellationTokenSource();
                ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
                Console.CancelKeyPress += onCancel;
                try { last = await CtlApp.RunLineAsync(lineOptions, stdout, stderr, cancel.Token, interactive: true); }
                finally { Console.CancelKeyPress -= onCancel; }
            }
            catch (CtlException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                last = e.ExitCode;
            }
        }
    }

    /// <summary>Splits on spaces, keeping "double quoted" words together.</summary>
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') { quoted = !quoted; continue; }
            if (char.IsWhiteSpace(ch) && !quoted)
            {
                if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
                continue;
            }
            current.Append(ch);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
