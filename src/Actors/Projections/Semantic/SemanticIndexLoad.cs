namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// One refresh of <see cref="SemanticIndex"/> under its bound of <c>maxVectors</c>: the titles it held (null: a full
/// reload), then the changed titles' own vectors, then their dialogue windows. Titles come first: a title vector that
/// does not fit takes the place of dialogue windows already held (the last titles' last windows go first); windows are
/// only taken while there is room. <see cref="Skipped"/> counts what was left out or dropped this time.
/// </summary>
public sealed class SemanticIndexLoad(IReadOnlyDictionary<string, TitleVectors>? held, int maxVectors)
{
    private readonly Dictionary<string, TitleVectors> _titles = held is null
        ? new Dictionary<string, TitleVectors>(StringComparer.Ordinal)
        : new Dictionary<string, TitleVectors>(held, StringComparer.Ordinal);
    private readonly Dictionary<string, List<WindowVector>> _windows = new(StringComparer.Ordinal);
    private int _count = held?.Values.Sum(t => 1 + t.Windows.Count) ?? 0;
    private Stack<string>? _droppable;

    public IReadOnlyDictionary<string, TitleVectors> Titles => _titles;

    /// <summary>Whether any title was reloaded (if not, the index keeps the snapshot it has).</summary>
    public bool Changed { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Room left for dialogue windows.</summary>
    public int Room => Math.Max(0, maxVectors - _count);

    /// <summary>A changed title's own vector (its windows follow through <see cref="AddWindow"/>); false if even titles no longer fit.</summary>
    public bool AddTitle(TitleVectors title)
    {
        Changed = true;
        if (_titles.Remove(title.TitleId, out var old)) _count -= 1 + old.Windows.Count;
        if (_count >= maxVectors && !DropWindowsOfOthers(_count - maxVectors + 1))
        {
            Skipped++;
            return false;
        }
        _titles[title.TitleId] = title with { Windows = [] };
        _count++;
        return true;
    }

    /// <summary>A window of a title added by <see cref="AddTitle"/>; false (and counted as skipped) when the index is full.</summary>
    public bool AddWindow(string titleId, WindowVector window)
    {
        if (!_titles.ContainsKey(titleId)) return false;
        if (_count >= maxVectors)
        {
            Skipped++;
            return false;
        }
        if (!_windows.TryGetValue(titleId, out var list)) _windows[titleId] = list = [];
        list.Add(window);
        _count++;
        return true;
    }

    /// <summary>Windows beyond the room that were not read at all (the rows query stops at the room).</summary>
    public void SkipUnread(int windows) => Skipped += windows;

    /// <summary>Attaches the windows read to their titles; call once after the last <see cref="AddWindow"/>.</summary>
    public void Complete()
    {
        foreach (var (titleId, windows) in _windows) _titles[titleId] = _titles[titleId] with { Windows = windows };
        _windows.Clear();
    }

    private bool DropWindowsOfOthers(int needed)
    {
        // Built once per load, when the index first overflows: the titles holding windows, last title id first.
        _droppable ??= new Stack<string>(_titles.Values.Where(t => t.Windows.Count > 0).Select(t => t.TitleId).Order(StringComparer.Ordinal));
        while (needed > 0 && _droppable.TryPeek(out var titleId))
        {
            var title = _titles.GetValueOrDefault(titleId);
            var drop = Math.Min(needed, title?.Windows.Count ?? 0);
            if (drop == 0)
            {
                _droppable.Pop();
                continue;
            }
            _titles[titleId] = title! with { Windows = title.Windows.Take(title.Windows.Count - drop).ToList() };
            _count -= drop;
            Skipped += drop;
            needed -= drop;
        }
        return needed == 0;
    }
}
