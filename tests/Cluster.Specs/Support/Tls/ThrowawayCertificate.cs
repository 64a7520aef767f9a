using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MediaPlatform.Specs.Support.Tls;

/// <summary>A self-signed certificate made at test time and written as a password-protected PKCS#12 file.</summary>
public static class ThrowawayCertificate
{
    public static string WritePfx(string directory, string subject, string password, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client auth
        var end = notAfter ?? DateTimeOffset.UtcNow.AddDays(1);
        using var certificate = request.CreateSelfSigned(end.AddDays(-2), end);
        var path = Path.Combine(directory, $"{subject}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
