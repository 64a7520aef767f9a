using System.Collections.Concurrent;

namespace MediaPlatform.Specs.Edge;

/// <summary>
/// Writes the cluster acknowledged (2xx) during a roll, to be read back afterwards: every title created, and each
/// user's last acknowledged display name (one worker owns a user, so its writes to the user happen in order).
/// </summary>
public sealed class AcknowledgedWrites
{
    private readonly ConcurrentBag<(string Token, string TitleId)> _titles = [];
    private readonly ConcurrentDictionary<string, (string Token, string DisplayName)> _names = new();

    public IEnumerable<(string Token, string TitleId)> Titles => _titles;
    public IReadOnlyDictionary<string, (string Token, string DisplayName)> DisplayNames => _names;
    public int Count => _titles.Count + _names.Count;

    public void TitleCreated(string token, string titleId) => _titles.Add((token, titleId));

    public void DisplayNameSet(string userId, string token, string displayName) => _names[userId] = (token, displayName);
}
