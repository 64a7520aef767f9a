using Akka.Configuration;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Config for in-process cluster nodes: the node's own config/*.hocon, with remoting on loopback through the
/// throttling transport adapter (so specs can blackhole links) and timings shortened so a spec takes seconds.
/// </summary>
public static class MultiNodeConfig
{
    public const string SystemName = "media";

    /// <summary>The remoting scheme of node addresses with the throttling adapter on.</summary>
    public const string SeedScheme = "akka.trttl.tcp";

    private const string Overrides = """
        akka {
          loglevel = INFO
          actor.provider = cluster
          remote.dot-netty.tcp {
            hostname = 127.0.0.1
            port = 0
            applied-adapters = ["trttl"]
          }
          cluster {
            failure-detector {
              heartbeat-interval = 500ms
              # not lower: heartbeat delays of 1.4 s were seen on a loaded 2-core machine
              acceptable-heartbeat-pause = 2s
            }
            gossip-interval = 500ms
            leader-actions-interval = 500ms
            unreachable-nodes-reaper-interval = 500ms
            split-brain-resolver.stable-after = 3s
          }
          coordinated-shutdown.exit-clr = off
          coordinated-shutdown.run-by-clr-shutdown-hook = off
        }
        """;

    public static Config Create() =>
        ConfigurationFactory.ParseString(Overrides)
            .WithFallback(NodeHocon.Load(Path.Combine(AppContext.BaseDirectory, "config"), null));
}
