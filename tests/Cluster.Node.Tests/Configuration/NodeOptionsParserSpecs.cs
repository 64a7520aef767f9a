using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

public sealed class NodeOptionsParserSpecs
{
    [Fact]
    public void Defaults_must_describe_a_single_local_node_on_sqlite()
    {
        var options = TestOptions.Parse([]);
        Assert.Equal("media", options.ClusterName);
        Assert.Equal("127.0.0.1", options.Hostname);
        Assert.Equal(4053, options.RemotePort);
        Assert.Equal(8080, options.HttpPort);
        Assert.Empty(options.SeedNodes);
        Assert.Equal(DiscoveryMode.None, options.Discovery);
        Assert.False(options.UsesPostgres);
        Assert.Equal(Path.Combine(options.DataDirectory, "journal.db"), options.SqliteFile);
        Assert.Equal("127.0.0.1-4053", options.NodeName);
        Assert.Equal("akka.tcp://media@127.0.0.1:4053", options.SelfAddress);
        Assert.Equal(Logging.NodeLogFormat.Text, options.LogFormat);
        Assert.Null(options.OtlpEndpoint);
        Assert.Equal(0.1, options.TraceSampleRatio);
    }

    [Fact]
    public void The_log_format_must_come_from_the_flag_or_its_variable()
    {
        Assert.Equal(Logging.NodeLogFormat.Json, TestOptions.Parse(["--log-format", "json"]).LogFormat);
        Assert.Equal(Logging.NodeLogFormat.Json, TestOptions.Parse([], new Dictionary<string, string?> { ["NODE_LOG_FORMAT"] = "JSON" }).LogFormat);
        Assert.Equal(Logging.NodeLogFormat.Text, TestOptions.Parse(["--log-format=text"], new Dictionary<string, string?> { ["NODE_LOG_FORMAT"] = "json" }).LogFormat);
    }

    [Fact]
    public void The_trace_sample_ratio_comes_from_the_flag_or_its_variable()
    {
        Assert.Equal(1.0, TestOptions.Parse(["--trace-sample-ratio", "1"]).TraceSampleRatio);
        Assert.Equal(0.0, TestOptions.Parse([], new Dictionary<string, string?> { ["NODE_TRACE_SAMPLE_RATIO"] = "0" }).TraceSampleRatio);
        Assert.Equal(0.25, TestOptions.Parse(["--trace-sample-ratio=0.25"], new Dictionary<string, string?> { ["NODE_TRACE_SAMPLE_RATIO"] = "1" }).TraceSampleRatio);
    }

    [Fact]
    public void Environment_variables_must_set_options_and_flags_must_win_over_them()
    {
        var env = new Dictionary<string, string?>
        {
            ["NODE_HTTP_PORT"] = "9001",
            ["NODE_REMOTE_PORT"] = "5001",
            ["NODE_ROLES"] = "api, media",
            ["NODE_POSTGRES"] = "Host=db;Database=media",
        };
        var options = TestOptions.Parse(["--http-port", "9100", "--node-name=edge-1"], env);
        Assert.Equal(9100, options.HttpPort);
        Assert.Equal(5001, options.RemotePort);
        Assert.Equal(["api", "media"], options.Roles);
        Assert.Equal("edge-1", options.NodeName);
        Assert.True(options.UsesPostgres);
    }

    [Fact]
    public void Config_discovery_must_require_every_contact_point_by_default()
    {
        var options = TestOptions.Parse(["--discovery", "config", "--contact-points", "127.0.0.1:8081,127.0.0.1:8082,127.0.0.1:8083"],
            new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = new string('k', 32) });
        Assert.Equal(DiscoveryMode.Config, options.Discovery);
        Assert.Equal(3, options.ContactPoints.Count);
        Assert.Equal(3, options.RequiredContactPoints);
    }

    [Fact]
    public void Help_must_be_recognised_and_list_every_flag_with_its_environment_variable()
    {
        Assert.Null(NodeOptionsParser.Parse(["--help"], new Dictionary<string, string?>(), AppContext.BaseDirectory));
        var help = NodeOptionsParser.HelpText();
        foreach (var spec in NodeOptionSpecs.All)
        {
            Assert.Contains(spec.Flag, help);
            if (spec.EnvVar != "") Assert.Contains(spec.EnvVar, help);
        }
    }

    [Theory]
    [InlineData("unknown flag '--bogus'", "--bogus", "1")]
    [InlineData("flag '--http-port' needs a value", "--http-port")]
    [InlineData("unexpected argument 'oops'", "oops")]
    [InlineData("--http-port '70000' is not a port number", "--http-port", "70000")]
    [InlineData("--http-port '0' is not a port number", "--http-port", "0")]
    [InlineData("--remote-port 'x' is not a port number", "--remote-port", "x")]
    [InlineData("are both 9000", "--http-port", "9000", "--remote-port", "9000")]
    [InlineData("--management-port 'x' is not a port number", "--management-port", "x")]
    [InlineData("--management-port 9000 must differ", "--http-port", "9000", "--management-port", "9000")]
    [InlineData("--grpc-port 'h2' is not a port number", "--grpc-port", "h2")]
    [InlineData("--grpc-port 9000 must differ", "--http-port", "9000", "--grpc-port", "9000")]
    [InlineData("--grpc-port 9001 must differ", "--management-port", "9001", "--grpc-port", "9001")]
    [InlineData("--edge-port 'e' is not a port number", "--edge-port", "e")]
    [InlineData("--edge-port 9000 must differ", "--http-port", "9000", "--edge-port", "9000")]
    [InlineData("--edge-port 9002 must differ", "--grpc-port", "9002", "--edge-port", "9002")]
    [InlineData("seed node 'localhost:4053' is not an address", "--seed-nodes", "localhost:4053")]
    [InlineData("names system 'other' but this cluster is 'media'", "--seed-nodes", "akka.tcp://other@127.0.0.1:4053")]
    [InlineData("has no host:port", "--seed-nodes", "akka.tcp://media")]
    [InlineData("--discovery 'dns' is not one of", "--discovery", "dns")]
    [InlineData("--discovery config needs --contact-points", "--discovery", "config")]
    [InlineData("contact point '127.0.0.1' is not host:port", "--discovery", "config", "--contact-points", "127.0.0.1")]
    [InlineData("exclude each other", "--discovery", "config", "--contact-points", "h:1", "--seed-nodes", "akka.tcp://media@h:2")]
    [InlineData("is more than the 1 contact points", "--discovery", "config", "--contact-points", "h:1", "--required-contact-points", "2")]
    [InlineData("--required-contact-points '-1' is not a positive whole number", "--required-contact-points=-1")]
    [InlineData("--log-level 'loud' is not one of", "--log-level", "loud")]
    [InlineData("--log-format 'xml' is not one of: text, json", "--log-format", "xml")]
    [InlineData("--otlp-endpoint 'collector:4318' is not an http(s) URL", "--otlp-endpoint", "collector:4318")]
    [InlineData("--otlp-endpoint 'http://u:p@collector:4318' is not an http(s) URL", "--otlp-endpoint", "http://u:p@collector:4318")]
    [InlineData("--trace-sample-ratio '1.5' is not a number from 0 to 1", "--trace-sample-ratio", "1.5")]
    [InlineData("--trace-sample-ratio 'all' is not a number from 0 to 1", "--trace-sample-ratio", "all")]
    [InlineData("--trace-sample-ratio 'NaN' is not a number from 0 to 1", "--trace-sample-ratio", "NaN")]
    [InlineData("is not a valid actor system name", "--cluster-name", "my cluster")]
    public void Malformed_input_must_fail_with_a_clear_message(string expected, params string[] args)
    {
        var error = Assert.Throws<OptionsException>(() => TestOptions.Parse(args));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_malformed_environment_variable_must_fail_like_the_flag_would()
    {
        var error = Assert.Throws<OptionsException>(() => TestOptions.Parse([], new() { ["NODE_HTTP_PORT"] = "eighty" }));
        Assert.Contains("--http-port 'eighty'", error.Message);
    }
}
