using Akka.Cluster.Hosting;
using Akka.Discovery.Config.Hosting;
using Akka.Discovery.KubernetesApi;
using Akka.Hosting;
using Akka.Management;
using Akka.Management.Cluster.Bootstrap;
using Akka.Remote.Hosting;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>Remoting, cluster membership and how the node joins: static seeds, or cluster bootstrap.</summary>
public static class ClusterHosting
{
    /// <summary>With Kubernetes discovery, contact points are probed on the pod's container port of this name.</summary>
    public const string KubernetesContactPointPortName = "http";

    public static AkkaConfigurationBuilder WithNodeCluster(this AkkaConfigurationBuilder builder, NodeOptions options)
    {
        builder
            .WithRemoting(new RemoteOptions
            {
                HostName = options.Hostname,
                PublicHostName = options.PublicHostname,
                Port = options.RemotePort,
            })
            .WithClustering(new ClusterOptions
            {
                Roles = options.Roles.ToArray(),
                SeedNodes = options.SeedNodes.ToArray(),
                AppVersion = AppVersionText.Current,
            });
        if (options.RemoteTlsCertificateFile is { } certificateFile)
        {
            // Given as a setup rather than HOCON so the password never sits in the actor system's config.
            builder
                .AddSetup(RemoteTls.Setup(RemoteTls.LoadCertificate(certificateFile, options.RemoteTlsCertificatePassword)))
                .AddHocon(RemoteTls.EnableSslHocon, HoconAddMode.Prepend);
        }

        return options.Discovery switch
        {
            DiscoveryMode.None when options.SeedNodes.Count == 0 => builder.AddStartup((system, _) =>
            {
                // No seeds and no discovery: this node forms a cluster of its own, which others may later join.
                var cluster = Akka.Cluster.Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            }),
            DiscoveryMode.None => builder,
            _ => builder.WithBootstrap(options),
        };
    }

    /// <summary>
    /// Akka.Management's own HTTP server cannot start with the Ceen.Httpd version served to us, so it stays off
    /// (autoStart false) and the node's Kestrel serves the bootstrap contact-point route instead
    /// (<see cref="MediaPlatform.Node.Management.BootstrapRoutes"/>); <see cref="BootstrapStarter"/> starts bootstrap
    /// once Kestrel listens.
    /// </summary>
    private static AkkaConfigurationBuilder WithBootstrap(this AkkaConfigurationBuilder builder, NodeOptions options)
    {
        builder
            .WithAkkaManagement(hostName: options.PublicHostname, port: options.HttpPort,
                bindHostname: options.Hostname, bindPort: options.HttpPort, autoStart: false)
            .WithClusterBootstrap(bootstrap =>
            {
                bootstrap.ContactPointDiscovery.ServiceName = options.ServiceName;
                bootstrap.ContactPointDiscovery.RequiredContactPointsNr = options.RequiredContactPoints;
                bootstrap.ContactPointDiscovery.DiscoveryMethod =
                    options.Discovery == DiscoveryMode.Kubernetes ? "kubernetes-api" : "config";
                if (options.Discovery == DiscoveryMode.Kubernetes)
                    bootstrap.ContactPointDiscovery.PortName = KubernetesContactPointPortName;
            }, autoStart: false);

        return options.Discovery == DiscoveryMode.Kubernetes
            ? builder.WithKubernetesDiscovery(options.KubernetesPodSelector)
            : builder.WithConfigDiscovery(discovery =>
            {
                discovery.Services =
                [
                    new Service { Name = options.ServiceName, Endpoints = options.ContactPoints.ToArray() },
                ];
            });
    }
}
