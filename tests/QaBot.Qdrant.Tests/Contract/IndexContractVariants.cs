#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync (DestroyAsync), which xunit calls after each test.
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Qdrant.Tests.Fakes;
using QaBot.Testing;

namespace QaBot.Qdrant.Tests.Contract;

/// <summary>The contract against the embedded SQLite index (always runs).</summary>
public sealed class SqliteIndexContractTests : IndexContractTests
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteChunkIndex? _index;
    private SqliteVectorIndex? _vectors;

    protected override Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync()
    {
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });
        _vectors = new SqliteVectorIndex(_index);
        return Task.FromResult<(IChunkIndex, IVectorIndex)>((_index, _vectors));
    }

    protected override Task DestroyAsync()
    {
        _vectors?.Dispose();
        _index?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The contract against the Qdrant index talking to the in-process fake Qdrant on loopback (always runs).</summary>
public sealed class FakeQdrantIndexContractTests : IndexContractTests
{
    private FakeQdrantServer? _server;
    private QdrantHarness? _harness;

    protected override async Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        _harness = new QdrantHarness(_server.BaseUrl, model: Model);
        return (_harness.Index, _harness.Vectors);
    }

    protected override async Task DestroyAsync()
    {
        _harness?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            Assert.Empty(_server.SpecViolations);
        }
    }
}

/// <summary>The contract against a real Qdrant server, each test in a collection of its own that is deleted afterwards.</summary>
[RequiresEnvironmentVariable("QDRANT_URL", "start Qdrant (docker compose up -d qdrant) and set QDRANT_URL=http://localhost:6333 (and QDRANT_API_KEY if the server has one) to run this suite against it")]
public sealed class RealQdrantIndexContractTests : IndexContractTests
{
    private QdrantHarness? _harness;

    protected override Task<(IChunkIndex Index, IVectorIndex Vectors)> CreateAsync()
    {
        var url = new Uri(Environment.GetEnvironmentVariable("QDRANT_URL")!.TrimEnd('/') + "/");
        _harness = new QdrantHarness(url, "qabot-contract-" + Guid.NewGuid().ToString("N"), Model);
        return Task.FromResult<(IChunkIndex, IVectorIndex)>((_harness.Index, _harness.Vectors));
    }

    protected override async Task DestroyAsync()
    {
        if (_harness is not null)
        {
            await _harness.Client.DeleteCollectionAsync(_harness.Options.Collection, CancellationToken.None);
            _harness.Dispose();
        }
    }
}
