using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Tests.Fakes;
using QaBot.Index.Qdrant.Transport;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Tests.Transport;

/// <summary>The channel against servers that are wrong in the ways a user's configuration can be: key, port, certificate, address.</summary>
public sealed class QdrantConnectionTests
{
    private static QdrantGateway Gateway(Uri url, Action<QdrantOptions>? configure = null)
    {
        var options = new QdrantOptions { Url = url, MaxAttempts = 2, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero, RequestTimeout = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new QdrantGateway(options, TimeProvider.System, NullLogger<QdrantGateway>.Instance);
    }

    [Fact]
    public async Task CollectionExistsAsync_RightApiKey_IsSentAsMetadataOnEveryCall()
    {
        await using var server = await FakeQdrantServer.StartAsync(apiKey: "secret-key");
        using var gateway = Gateway(server.Url, o => o.ApiKey = "secret-key");

        var exists = await gateway.CollectionExistsAsync("docs", CancellationToken.None);

        Assert.False(exists);
        Assert.Equal("secret-key", Assert.Single(server.Calls).ApiKey);
    }

    [Fact]
    public async Task CollectionExistsAsync_WrongApiKey_OneLineNamingQdrantApiKeyWithoutRetry()
    {
        await using var server = await FakeQdrantServer.StartAsync(apiKey: "secret-key");
        using var gateway = Gateway(server.Url, o => o.ApiKey = "wrong");

        var error = await Assert.ThrowsAsync<QdrantAuthorizationException>(() => gateway.CollectionExistsAsync("docs", CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.StartsWith($"Qdrant at {server.Url} refused the API key (Unauthenticated: Invalid api-key). Set Qdrant:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
    }

    [Theory]
    [InlineData(HttpProtocols.Http1)]
    [InlineData(HttpProtocols.Http2)]
    public async Task WaitUntilReadyAsync_UrlOfAServerThatIsNotGrpc_OneLineNamingTheUrlKeyAndThePort(HttpProtocols protocols)
    {
        await using var rest = await FakeNonGrpcServer.StartAsync(protocols);
        using var gateway = Gateway(rest.Url);

        var error = await Assert.ThrowsAsync<QdrantException>(() => gateway.WaitUntilReadyAsync(CancellationToken.None));

        Assert.IsNotType<QdrantUnavailableException>(error);
        Assert.Contains($"Qdrant at {rest.Url} does not answer gRPC", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Url must name Qdrant's gRPC port (default 6334), not its REST port (6333)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task WaitUntilReadyAsync_NothingListens_UnavailableAfterTheAttemptsNamingTheUrlKey()
    {
        using var gateway = Gateway(new Uri($"http://127.0.0.1:{ClosedLoopbackPort()}"));

        var error = await Assert.ThrowsAsync<QdrantUnavailableException>(() => gateway.WaitUntilReadyAsync(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("could not check readiness after 2 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitUntilReadyAsync_PinnedCertificate_TrustsExactlyThatSelfSignedCertificate()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await FakeQdrantServer.StartAsync(certificate: certificate);
        var fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
        using var pinned = Gateway(server.Url, o => o.CertificateSha256 = string.Join(':', fingerprint.Chunk(2).Select(c => new string(c))));
        using var wrong = Gateway(server.Url, o => o.CertificateSha256 = new string('A', 64));

        var version = await pinned.WaitUntilReadyAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<QdrantException>(() => wrong.WaitUntilReadyAsync(CancellationToken.None));

        Assert.Equal("1.20.0", version);
        Assert.Contains("does not match Qdrant:CertificateSha256", error.Message, StringComparison.Ordinal);
        Assert.IsNotType<QdrantUnavailableException>(error);
    }

    [Fact]
    public async Task ScrollAsync_PageOverGrpcsStock4MiB_IsReceived()
    {
        await using var server = await FakeQdrantServer.StartAsync();
        using var gateway = Gateway(server.Url);
        await gateway.CreateCollectionAsync(new CreateCollection { CollectionName = "big" }, CancellationToken.None);
        var text = new string('x', 1024 * 1024);
        await gateway.UpsertAsync("big", [.. Enumerable.Range(0, 6).Select(i => PointMessages.Create(Guid.NewGuid(), new Dictionary<string, object?> { ["text"] = text }))], CancellationToken.None);

        var page = await gateway.ScrollAsync("big", null, 10, null, PointMessages.AllFields, CancellationToken.None);

        Assert.Equal(6, page.Result.Count);
        Assert.True(page.CalculateSize() > 4 * 1024 * 1024);
        Assert.True(server.RequestsTo<UpsertPoints>("Points/Upsert").Count >= 1);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form it can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
