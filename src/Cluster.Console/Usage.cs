using System.Text;

namespace MediaPlatform.Ctl;

/// <summary>The text of `mpctl help`.</summary>
public static class Usage
{
    public static string Text()
    {
        var sb = new StringBuilder();
        sb.AppendLine("mpctl: operator console of the media platform cluster (talks HTTP to any node).");
        sb.AppendLine();
        sb.AppendLine("Usage: mpctl [--host HOST:PORT] [--token-file FILE | --token TOKEN] [--json] <command> [args]");
        sb.AppendLine("       mpctl [--host ...]            (no command: interactive prompt; `exit` or Ctrl-D quits)");
        sb.AppendLine();
        sb.AppendLine($"  --host    node to talk to [env {CtlOptions.HostVariable}, else {CtlOptions.DefaultHost}]");
        sb.AppendLine($"  --token-file  file holding the admin token (every command needs it) [env {CtlOptions.TokenFileVariable}]");
        sb.AppendLine($"  --token   the admin token itself [env {CtlOptions.TokenVariable}]; visible in ps, prefer a file");
        sb.AppendLine("  --json    print the node's JSON instead of tables");
        sb.AppendLine();
        sb.AppendLine("Commands:");
        var width = CtlCommands.All.Max(c => (c.Name + " " + c.Arguments).Length) + 2;
        foreach (var c in CtlCommands.All)
            sb.Append("  ").Append((c.Name + " " + c.Arguments).TrimEnd().PadRight(width)).AppendLine(c.Help);
        sb.AppendLine();
        sb.AppendLine("Exit codes: 0 ok, 1 node error, 2 usage, 3 node unreachable, 4 auth refused.");
        return sb.ToString().TrimEnd();
    }
}
