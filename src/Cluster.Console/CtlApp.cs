namespace MediaPlatform.Ctl;

/// <summary>Runs one command line (or the interactive prompt) and turns every failure into one stderr line and an exit code.</summary>
public static class CtlApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CtlOptions options;
        try
        {
            options = CtlOptions.Parse(args);
        }
        catch (CtlException e)
        {
            return Fail(stderr, e);
        }
        if (options.Words.Count == 0) return await InteractivePrompt.RunAsync(options, stdout, stderr);

        using var cancel = new CancellationTokenSource();
        // Ctrl-C ends a long command (cluster tail) cleanly instead of killing the process mid-line.
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await RunLineAsync(options, stdout, stderr, cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Runs the command named by <paramref name="options"/>' words.</summary>
    /// <param name="interactive">At the prompt an unknown command gets its error line only, not the whole usage.</param>
    public static async Task<int> RunLineAsync(CtlOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancel, bool interactive = false)
    {
        if (CtlCommands.Find(options.Words) is not var (command, arguments))
        {
            stderr.WriteLine($"error: unknown command '{string.Join(' ', options.Words)}' (see `mpctl help`)");
            if (!interactive) stdout.WriteLine(Usage.Text()); // the error stays one line on stderr; the usage goes with normal output
            return CtlExitCodes.Usage;
        }
        try
        {
            using var node = new NodeClient(options.Host, options.Token);
            await command.Run(new CtlContext(node, options, stdout, cancel), arguments);
            return CtlExitCodes.Ok;
        }
        catch (CtlException e)
        {
            return Fail(stderr, e);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return CtlExitCodes.Ok;
        }
    }

    private static int Fail(TextWriter stderr, CtlException e)
    {
        stderr.WriteLine($"error: {e.Message}");
        return e.ExitCode;
    }
}
