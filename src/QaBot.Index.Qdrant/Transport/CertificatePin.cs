using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace QaBot.Index.Qdrant.Transport;

/// <summary>
/// Trusts exactly the server certificate with a given SHA-256 fingerprint (Qdrant:CertificateSha256): a
/// self-hosted Qdrant with TLS usually has a self-signed certificate that no authority vouches for.
/// </summary>
internal static class CertificatePin
{
    public static string Normalize(string fingerprint) => fingerprint.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool Matches(X509Certificate? certificate, string fingerprint) =>
        certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())) == Normalize(fingerprint);

    public static RemoteCertificateValidationCallback Validator(string fingerprint) =>
        (_, certificate, _, _) => Matches(certificate, fingerprint);
}
