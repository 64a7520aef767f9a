using MediaPlatform.Node;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.Support.Tls;

namespace MediaPlatform.Specs.Remoting;

/// <summary>A bad remoting certificate or password stops the node before it starts, with one line and exit 2.</summary>
public sealed class RemoteTlsCertificateSpecs : IDisposable
{
    private const string Password = "right-password";
    private readonly TempDirectory _dir = new("remote-tls-cert");

    [Fact]
    public void A_wrong_password_must_be_one_line_naming_the_flag()
    {
        var pfx = ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster", Password);
        var error = Assert.Throws<OptionsException>(() => RemoteTls.LoadCertificate(pfx, "wrong-password"));
        Assert.Equal($"--remote-tls-certificate '{pfx}' cannot be read as PKCS#12 with the given password (see --remote-tls-certificate-password-file)", error.Message);
    }

    [Fact]
    public void A_missing_file_and_a_file_that_is_no_certificate_must_be_refused()
    {
        var missing = _dir.Combine("absent.pfx");
        Assert.Equal($"--remote-tls-certificate '{missing}' does not exist",
            Assert.Throws<OptionsException>(() => RemoteTls.LoadCertificate(missing, Password)).Message);
        var garbage = _dir.Combine("garbage.pfx");
        File.WriteAllText(garbage, "not a certificate");
        Assert.StartsWith($"--remote-tls-certificate '{garbage}' cannot be read as PKCS#12",
            Assert.Throws<OptionsException>(() => RemoteTls.LoadCertificate(garbage, Password)).Message);
    }

    [Fact]
    public void An_expired_certificate_must_be_refused()
    {
        var pfx = ThrowawayCertificate.WritePfx(_dir.Path, "old-cluster", Password, notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        Assert.StartsWith($"--remote-tls-certificate '{pfx}' expired on",
            Assert.Throws<OptionsException>(() => RemoteTls.LoadCertificate(pfx, Password)).Message);
    }

    [Fact]
    public async Task The_node_must_exit_2_on_a_wrong_password_before_building_anything()
    {
        var pfx = ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster", Password);
        var passwordFile = _dir.Combine("password");
        await File.WriteAllTextAsync(passwordFile, "wrong-password\n");
        var built = false;
        var code = await NodeCommand.RunAsync(
        [
            "--data-dir", _dir.Combine("data"), "--http-port", FreePorts.Next().ToString(), "--remote-port", FreePorts.Next().ToString(),
            "--remote-tls-certificate", pfx, "--remote-tls-certificate-password-file", passwordFile,
        ], (_, _) => { built = true; throw new InvalidOperationException("must not be built"); });
        Assert.Equal(NodeCommand.ExitBadConfiguration, code);
        Assert.False(built);
    }

    [Fact]
    public void The_password_file_must_be_read_and_seeds_must_use_the_tls_scheme()
    {
        var pfx = ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster", Password);
        var passwordFile = _dir.Combine("password");
        File.WriteAllText(passwordFile, Password + "\n");
        string[] tls = ["--remote-tls-certificate", pfx, "--remote-tls-certificate-password-file", passwordFile];

        var options = Parse([.. tls, "--seed-nodes", "akka.ssl.tcp://media@10.0.0.5:4053"]);
        Assert.Equal(Password, options.RemoteTlsCertificatePassword);
        Assert.Equal("akka.ssl.tcp://media@127.0.0.1:4053", options.SelfAddress);

        var plainSeed = Assert.Throws<OptionsException>(() => Parse([.. tls, "--seed-nodes", "akka.tcp://media@10.0.0.5:4053"]));
        Assert.Equal("seed node 'akka.tcp://media@10.0.0.5:4053' is not an address like akka.ssl.tcp://media@host:port", plainSeed.Message);

        var fromEnvironment = NodeOptionsParser.Parse(["--remote-tls-certificate", pfx],
            new Dictionary<string, string?> { [NodeOptionsParser.RemoteTlsPasswordVariable] = Password }, AppContext.BaseDirectory)!;
        Assert.Equal(Password, fromEnvironment.RemoteTlsCertificatePassword);
        Assert.Throws<OptionsException>(() => Parse(["--remote-tls-certificate-password-file", passwordFile]));
    }

    // Nodes that name seeds must share a token key; it goes by environment as it would in production.
    private static NodeOptions Parse(string[] args) =>
        NodeOptionsParser.Parse(args, new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = "tls-spec-token-key-0123456789abcdefghij" },
            AppContext.BaseDirectory)!;

    public void Dispose() => _dir.Dispose();
}
