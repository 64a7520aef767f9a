using System.Text;

namespace MediaPlatform.Ctl;

/// <summary>
/// A minimal terminal line editor for the prompt: typing, backspace/delete, left/right/home/end, up/down through
/// this session's history, and Tab to complete a command name (listing the candidates when several match).
/// Console.ReadLine on Linux has neither history nor completion. Redraws with ANSI escapes only (no cursor-position
/// queries, which hang on terminals that do not answer them).
/// </summary>
public sealed class LineEditor(string prompt, IReadOnlyList<string> completions)
{
    private readonly List<string> _history = [];

    /// <summary>Prints the prompt and returns the line entered, or null at end of input (Ctrl-D on an empty line).</summary>
    public string? ReadLine()
    {
        var buffer = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        Redraw(buffer, cursor);
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.WriteLine();
                    var line = buffer.ToString();
                    if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line)) _history.Add(line);
                    return line;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && buffer.Length == 0:
                    Console.WriteLine();
                    return null;
                case ConsoleKey.Backspace when cursor > 0: buffer.Remove(--cursor, 1); break;
                case ConsoleKey.Delete when cursor < buffer.Length: buffer.Remove(cursor, 1); break;
                case ConsoleKey.LeftArrow when cursor > 0: cursor--; break;
                case ConsoleKey.RightArrow when cursor < buffer.Length: cursor++; break;
                case ConsoleKey.Home: cursor = 0; break;
                case ConsoleKey.End: cursor = buffer.Length; break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    cursor = Replace(buffer, _history[--historyIndex]);
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    cursor = Replace(buffer, ++historyIndex == _history.Count ? "" : _history[historyIndex]);
                    break;
                case ConsoleKey.Tab:
                    cursor = Complete(buffer, cursor);
                    break;
                default:
                    if (!char.IsControl(key.KeyChar)) buffer.Insert(cursor++, key.KeyChar);
                    break;
            }
            Redraw(buffer, cursor);
        }
    }

    private int Complete(StringBuilder buffer, int cursor)
    {
        var typed = buffer.ToString();
        var matches = completions.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (matches.Length == 0) return cursor;
        var common = matches.Aggregate((a, b) => new string(a.TakeWhile((ch, i) => i < b.Length && char.ToLowerInvariant(b[i]) == char.ToLowerInvariant(ch)).ToArray()));
        if (matches.Length == 1) common += " ";
        if (common.Length > typed.Length) return Replace(buffer, common);
        // Several candidates and nothing more in common: list them; Redraw then prints the prompt again.
        Console.WriteLine();
        Console.WriteLine(string.Join("   ", matches));
        return cursor;
    }

    private static int Replace(StringBuilder buffer, string text)
    {
        buffer.Clear().Append(text);
        return buffer.Length;
    }

    private void Redraw(StringBuilder buffer, int cursor)
    {
        // Carriage return, prompt and line, erase to end of line, then step back to the cursor.
        Console.Write($"\r{prompt}{buffer}\u001b[K");
        if (buffer.Length > cursor) Console.Write($"\u001b[{buffer.Length - cursor}D");
    }
}
