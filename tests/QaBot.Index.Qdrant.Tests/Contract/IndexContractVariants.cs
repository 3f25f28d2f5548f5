#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync (DestroyAsync), which xunit calls after each test.
using QaBot.Core;
using QaBot.Index.Qdrant.Tests.Fakes;
using QaBot.Testing.IndexContract;

namespace QaBot.Index.Qdrant.Tests.Contract;

/// <summary>The contract against the Qdrant index talking gRPC to the in-process fake Qdrant on loopback (always runs).</summary>
public sealed class FakeQdrantIndexContractTests : IndexContractTests
{
    private FakeQdrantServer? _server;
    private QdrantHarness? _harness;

    protected override async Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        _harness = new QdrantHarness(_server.Url, model: Model, configure: o => o.ApiKey = null);
        return (_harness.Index, _harness.Vectors);
    }

    protected override async Task DestroyAsync()
    {
        _harness?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            Assert.Empty(_server.Rejections);
        }
    }
}

/// <summary>
/// The contract against a real Qdrant server over gRPC, each test in a collection of its own that is deleted
/// afterwards. QDRANT_GRPC_URL names the gRPC endpoint; QDRANT_URL alone (the REST URL of the earlier suite)
/// is taken with its port changed to 6334.
/// </summary>
[RequiresEnvironmentVariable(["QDRANT_GRPC_URL", "QDRANT_URL"], "start Qdrant (docker compose up -d qdrant) and set QDRANT_GRPC_URL=http://localhost:6334 (and QDRANT_API_KEY if the server has one) to run this suite against it")]
public sealed class RealQdrantIndexContractTests : IndexContractTests
{
    private QdrantHarness? _harness;

    /// <summary>The real server's gRPC URL from the environment.</summary>
    internal static Uri GrpcUrl()
    {
        if (Environment.GetEnvironmentVariable("QDRANT_GRPC_URL") is { Length: > 0 } grpc)
        {
            return new Uri(grpc);
        }

        var rest = new UriBuilder(Environment.GetEnvironmentVariable("QDRANT_URL")!);
        rest.Port = rest.Port == 6333 ? 6334 : rest.Port;
        return rest.Uri;
    }

    protected override Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync()
    {
        _harness = new QdrantHarness(GrpcUrl(), "qabot-contract-" + Guid.NewGuid().ToString("N"), Model);
        return Task.FromResult<(IChunkIndex, IVectorIndex)>((_harness.Index, _harness.Vectors));
    }

    protected override async Task DestroyAsync()
    {
        if (_harness is not null)
        {
            await _harness.Gateway.DeleteCollectionAsync(_harness.Options.Collection, CancellationToken.None);
            _harness.Dispose();
        }
    }
}
