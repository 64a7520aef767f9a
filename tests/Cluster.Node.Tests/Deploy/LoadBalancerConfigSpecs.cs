using Akka.Configuration;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Node.Tests.Deploy;

/// <summary>
/// deploy/nginx's template as scripts/nginx.sh renders it for the local cluster: nginx itself accepts it, nodes taken
/// out stay listed as down, and the balancer takes uploads as large as a node does. Retries and failover through a
/// running balancer are in Cluster.Specs (LoadBalancerFailoverSpecs).
/// </summary>
public sealed class LoadBalancerConfigSpecs
{
    [Fact]
    public async Task The_config_rendered_for_three_nodes_passes_nginx_check()
    {
        await using var balancer = await LoadBalancer.RenderAsync(["127.0.0.1:8081", "127.0.0.1:8082=down", "127.0.0.1:8083"]);

        var (exitCode, output) = await balancer.CheckAsync();
        Assert.True(exitCode == 0, $"nginx -t failed:\n{output}\n{await File.ReadAllTextAsync(balancer.ConfigFile)}");
        var servers = (await File.ReadAllLinesAsync(balancer.ConfigFile)).Select(l => l.Trim()).Where(l => l.StartsWith("server 127.0.0.1:")).ToList();
        Assert.Equal(
            [
                "server 127.0.0.1:8081 max_fails=3 fail_timeout=5s;", "server 127.0.0.1:8082 max_fails=3 fail_timeout=5s down;",
                "server 127.0.0.1:8083 max_fails=3 fail_timeout=5s;",
                "server 127.0.0.1:8081 backup;", "server 127.0.0.1:8082 backup down;", "server 127.0.0.1:8083 backup;",
            ],
            servers);
    }

    [Fact]
    public async Task The_grpc_listener_is_rendered_only_for_nodes_serving_grpc_and_passes_nginx_check()
    {
        await using (var plain = await LoadBalancer.RenderAsync(["127.0.0.1:8081"]))
        {
            Assert.Empty(System.IO.Directory.GetFiles(Path.Combine(plain.Directory, "grpc.d")));
            Assert.Equal(0, (await plain.CheckAsync()).ExitCode);
        }

        await using var balancer = await LoadBalancer.RenderAsync(["127.0.0.1:8081", "127.0.0.1:8082"], ["127.0.0.1:5051", "127.0.0.1:5052=down"]);
        var (exitCode, output) = await balancer.CheckAsync();
        var grpc = await File.ReadAllTextAsync(Path.Combine(balancer.Directory, "grpc.d", "grpc.conf"));
        Assert.True(exitCode == 0, $"nginx -t failed:\n{output}\n{grpc}");
        Assert.Contains($"listen 127.0.0.1:{balancer.GrpcPort} http2;", grpc);
        Assert.Contains("server 127.0.0.1:5051 max_fails=3 fail_timeout=5s;", grpc);
        Assert.Contains("server 127.0.0.1:5052 max_fails=3 fail_timeout=5s down;", grpc);
        Assert.Contains("grpc_pass grpc://grpc_nodes;", grpc);
        Assert.DoesNotMatch("@[A-Z_]+@", grpc);
    }

    [Fact]
    public async Task The_config_retries_only_idempotent_requests_and_streams_uploads()
    {
        await using var balancer = await LoadBalancer.RenderAsync(["127.0.0.1:8081"]);
        var config = await File.ReadAllTextAsync(balancer.ConfigFile);

        Assert.Contains("\"~^(GET|HEAD):\" 1;", config);
        Assert.Contains("\"~^[A-Z]+:.+\"   1;", config);
        Assert.Contains("proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;", config);
        // A request without a key goes to another node only when its connection was refused or never made: its
        // body unbuffered, nginx does not send it again once any of it was sent, and never for a non-idempotent POST.
        var once = config[config.IndexOf("location @once", StringComparison.Ordinal)..];
        once = once[..once.IndexOf('}')];
        Assert.Contains("proxy_request_buffering off;", once);
        Assert.Contains("proxy_next_upstream error timeout;", once);
        Assert.DoesNotContain("non_idempotent", once);
        // The balancer closes idle connections to the nodes before Kestrel would (130 s).
        Assert.Contains("keepalive_timeout 3s;", config);
        Assert.Contains("proxy_request_buffering off;", config);
        Assert.Contains("proxy_set_header X-Forwarded-For $remote_addr;", config);
        Assert.DoesNotMatch("@[A-Z_]+@", config); // every placeholder was filled
    }

    [Fact]
    public async Task The_balancer_takes_uploads_as_large_as_a_node_does()
    {
        await using var balancer = await LoadBalancer.RenderAsync(["127.0.0.1:8081"]);
        var config = await File.ReadAllTextAsync(balancer.ConfigFile);
        var shipped = ConfigurationFactory.ParseString(await File.ReadAllTextAsync(Path.Combine(NodeBinary.RepositoryRoot, "config", "media-platform.hocon")));

        var limit = TitleSettings.From(shipped).MaxUploadBytes;
        Assert.Equal(2L * 1024 * 1024 * 1024, limit);
        Assert.Contains("client_max_body_size 2g;", config);
    }
}
