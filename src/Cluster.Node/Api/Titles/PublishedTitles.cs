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
    private readonly ConcurrentDictionary<string, (TitlePackage Package, string OwnerId)> _packages = new(StringComparer.Ordinal);

    /// <summary>
    /// The package of a published title; null when the title does not exist or is not published. Unavailable is set
    /// when the entity did not answer (then nothing is known: the caller answers 503, not 404).
    /// </summary>
    public async Task<(TitlePackage? Package, bool Unavailable)> PackageAsync(IActorRef titles, string titleId, CancellationToken ct)
    {
        var (package, _, unavailable) = await PublishedAsync(titles, titleId, ct);
        return (package, unavailable);
    }

    /// <summary>As <see cref="PackageAsync"/>, with the title's owner (who may always watch it; ownership never changes).</summary>
    public async Task<(TitlePackage? Package, string? OwnerId, bool Unavailable)> PublishedAsync(IActorRef titles, string titleId, CancellationToken ct)
    {
        if (_packages.TryGetValue(titleId, out var known)) return (known.Package, known.OwnerId, false);
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { Kind: RejectionKind.Unavailable }) return (null, null, true);
        if (answer.Reply is not { Status: TitleStatus.Published, Package: { } package } title) return (null, null, false);
        if (_packages.Count < MaxRemembered) _packages[titleId] = (package, title.OwnerId);
        return (package, title.OwnerId, false);
    }
}
