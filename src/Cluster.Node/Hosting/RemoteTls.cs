using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// TLS for Akka remoting with one certificate shared by every node of the cluster (a PKCS#12 file, usually
/// self-signed). Each node presents it and, in both directions (mutual TLS), accepts only a peer that presents the
/// very same certificate: the peer's certificate is pinned by its SHA-256 hash instead of being checked against the
/// operating system's CA store, which would refuse a self-signed certificate and trust any public CA's. Validation is
/// never suppressed.
/// </summary>
public static class RemoteTls
{
    /// <summary>Loads the cluster certificate; a missing, unreadable or unusable file is one <see cref="OptionsException"/> line.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        var flag = NodeOptionSpecs.RemoteTlsCertificate.Flag;
        if (!File.Exists(path))
            throw new OptionsException($"{flag} '{path}' does not exist");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            throw new OptionsException($"{flag} '{path}' cannot be read as PKCS#12 with the given password (see {NodeOptionSpecs.RemoteTlsCertificatePasswordFile.Flag})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OptionsException($"{flag} '{path}' cannot be read: {e.Message}");
        }
        if (!certificate.HasPrivateKey)
            throw Refuse(certificate, $"{flag} '{path}' holds no private key");
        var now = DateTime.Now;
        if (certificate.NotAfter < now)
            throw Refuse(certificate, $"{flag} '{path}' expired on {certificate.NotAfter:yyyy-MM-dd}");
        if (certificate.NotBefore > now)
            throw Refuse(certificate, $"{flag} '{path}' is not valid before {certificate.NotBefore:yyyy-MM-dd}");
        return certificate;
    }

    /// <summary>The DotNetty setup: present <paramref name="certificate"/>, require one from the peer, accept only the same one.</summary>
    public static DotNettySslSetup Setup(X509Certificate2 certificate) =>
        new(certificate, suppressValidation: false, requireMutualAuthentication: true,
            validateCertificateHostname: false, customValidator: AcceptOnly(certificate));

    /// <summary>HOCON that switches the transport to TLS; the certificate itself comes from <see cref="Setup"/>, never from HOCON.</summary>
    public const string EnableSslHocon = "akka.remote.dot-netty.tcp.enable-ssl = true";

    /// <summary>A validator that accepts a peer only when it presents <paramref name="clusterCertificate"/> itself.</summary>
    public static CertificateValidationCallback AcceptOnly(X509Certificate2 clusterCertificate)
    {
        var pinned = clusterCertificate.GetCertHash(HashAlgorithmName.SHA256);
        return (peer, _, remotePeer, errors, log) =>
        {
            if (peer is not null && CryptographicOperations.FixedTimeEquals(peer.GetCertHash(HashAlgorithmName.SHA256), pinned))
                return true;
            var why = peer is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)
                ? "presented no certificate"
                : $"presented a certificate that is not the cluster's ({peer.Subject})";
            log?.Warning("remoting TLS: refused {0}: it {1}", remotePeer, why);
            return false;
        };
    }

    private static OptionsException Refuse(X509Certificate2 certificate, string message)
    {
        certificate.Dispose();
        return new OptionsException(message);
    }
}
