using System.Collections.Concurrent;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Where this node found each published title's HLS package. Published is final (no command leaves it and the
/// package never moves), so a title is asked once per node and every later segment request is served without a
/// round trip to its entity. Unpublished titles are never remembered: they are asked every time.
/// </summary>
public sealed class PublishedTitles
{
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, TitlePackage> _packages = new(StringComparer.Ordinal);

    /// <summary>
    /// The package of a published title; null when the title does not exist or is not published. Unavailable is set
    /// when the entity did not answer (then nothing is known: the caller answers 503, not 404).
    /// </summary>
    public async Task<(TitlePackage? Package, bool Unavailable)> PackageAsync(IActorRef titles, string titleId, CancellationToken ct)
    {
        if (_packages.TryGetValue(titleId, out var known)) return (known, false);
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { Kind: RejectionKind.Unavailable }) return (null, true);
        if (answer.Reply is not { Status: TitleStatus.Published, Package: { } package }) return (null, false);
        if (_packages.Count < MaxRemembered) _packages[titleId] = package;
        return (package, false);
    }
}
