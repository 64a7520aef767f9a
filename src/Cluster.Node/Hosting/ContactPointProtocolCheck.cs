using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Node.Configuration;
using Newtonsoft.Json;
using static Akka.Management.Cluster.Bootstrap.ContactPoint.HttpBootstrapJsonProtocol;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// A node whose remoting speaks another protocol than the cluster's (plain TCP against a TLS cluster, or the other way
/// round) can never join, yet bootstrap would hand it the cluster's seed nodes and remoting would then log "No
/// transport is loaded for protocol" tens of thousands of times a minute until its disk fills. This check reads each
/// contact point's own address while bootstrap runs and, at the first one of another protocol, stops the node with one
/// <c>error:</c> line and exit 2 (<see cref="RemoteProtocolMismatch"/>).
/// </summary>
public sealed class ContactPointProtocolCheck(NodeOptions options, ActorSystem system, ILogger log)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly HashSet<string> _unanswered = options.ContactPoints.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Asks every contact point once, before bootstrap starts: a cluster that is already running answers at once, and
    /// bootstrap would join its seeds within the same second. False when the node is stopping because of a mismatch.
    /// </summary>
    public async Task<bool> FirstRoundAsync(CancellationToken stopping)
    {
        using var http = NewClient();
        return await RoundAsync(http, stopping);
    }

    /// <summary>Then, while bootstrap runs, the contact points that did not answer yet, until each has or this node is Up.</summary>
    public async Task WatchTheRestAsync(CancellationToken stopping)
    {
        using var http = NewClient();
        var cluster = Cluster.Get(system);
        while (_unanswered.Count > 0 && !stopping.IsCancellationRequested && cluster.SelfMember.Status != MemberStatus.Up)
        {
            await Task.Delay(Interval, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!await RoundAsync(http, stopping)) return;
        }
    }

    private async Task<bool> RoundAsync(HttpClient http, CancellationToken stopping)
    {
        var asked = _unanswered.ToList();
        var protocols = await Task.WhenAll(asked.Select(contactPoint => ProtocolOfAsync(http, contactPoint, stopping)));
        foreach (var (contactPoint, protocol) in asked.Zip(protocols))
        {
            if (protocol is null) continue;
            _unanswered.Remove(contactPoint);
            if (string.Equals(protocol, options.RemoteScheme, StringComparison.Ordinal)) continue;
            var message = $"contact point {contactPoint} belongs to a cluster whose remoting speaks {protocol}, but this node speaks " +
                          $"{options.RemoteScheme}: give every node the same --remote-tls-certificate setting (with it or without it)";
            log.LogError("{Message}; stopping", message);
            await CoordinatedShutdown.Get(system).Run(new RemoteProtocolMismatch(message));
            return false;
        }
        return true;
    }

    private static HttpClient NewClient() => new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>The protocol of the node behind a contact point, or null while it does not answer.</summary>
    private static async Task<string?> ProtocolOfAsync(HttpClient http, string contactPoint, CancellationToken ct)
    {
        try
        {
            var json = await http.GetStringAsync($"http://{contactPoint}/bootstrap/seed-nodes", ct);
            return JsonConvert.DeserializeObject<SeedNodes>(json)?.SelfNode.Protocol;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>Why a node stopped itself: its remoting protocol differs from the cluster's (see <see cref="ContactPointProtocolCheck"/>).</summary>
public sealed class RemoteProtocolMismatch(string message) : CoordinatedShutdown.Reason
{
    public string Message { get; } = message;

    public override int ExitCode => NodeCommand.ExitBadConfiguration;

    public override string ToString() => Message;
}
