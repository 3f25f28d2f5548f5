#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync (DestroyAsync), which xunit calls after each test.
using QaBot.Core;
using QaBot.Testing;
using QaBot.Testing.IndexContract;

namespace QaBot.Index.Sqlite.Tests;

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
