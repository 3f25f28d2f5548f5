using QaBot.Core;
using QaBot.Qdrant.Index;
using QaBot.Qdrant.Rest;
using QaBot.Qdrant.Tests.Fakes;

namespace QaBot.Qdrant.Tests.Spec;

/// <summary>
/// Every endpoint the client calls exists in the spec, and a run that calls each of them sends only requests,
/// and parses only responses, that are valid under the spec's schemas.
/// </summary>
public sealed class ClientConformanceTests
{
    [Fact]
    public async Task All_EveryEndpointTheClientCalls_IsAnOperationOfTheSpec()
    {
        var spec = await QdrantSpec.GetAsync();

        var missing = QdrantEndpoint.All.Where(e => !spec.HasOperation(e.Method, e.PathTemplate)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task ClientCalls_EveryEndpointExercised_RequestsAndResponsesConformToTheSpec()
    {
        var spec = await QdrantSpec.GetAsync();
        await using var server = await FakeQdrantServer.StartAsync();
        using var harness = new QdrantHarness(server.BaseUrl, "conformance", new EmbeddingModelInfo("test:model", 3));
        var index = harness.Index;
        var chunk = new Chunk("a.txt", 0, "Title", null, new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero), 1, 2, "en", "drones fly");

        // Bootstrap: readyz, exists, create, payload indexes, metadata upsert, info, scroll.
        await index.ReplaceDocumentAsync(new ManifestEntry("a.txt", "h", "v", 1, DateTimeOffset.UnixEpoch), [new IndexedChunk(chunk, ["drone", "fly"])], CancellationToken.None);
        await harness.Vectors.UpsertVectorsAsync(new EmbeddingModelInfo("test:model", 3), [new ChunkVector(chunk.Id, new float[] { 1, 0, 0 })], CancellationToken.None);
        await index.SearchHybridAsync(new HybridSearchRequest(["drone"], 5, new float[] { 1, 0, 0 }, new EmbeddingModelInfo("test:model", 3), Language: "en"), CancellationToken.None);
        await index.SearchLexicalAsync(["drone"], 5, CancellationToken.None);
        await index.GetChunksAsync([chunk.Id], CancellationToken.None);
        await harness.Vectors.ClearVectorsAsync(CancellationToken.None);
        Assert.Equal(1, await harness.Client.CountAsync("conformance", Filter.All(FieldCondition.Equal("kind", "chunk")), CancellationToken.None));
        await index.RemoveDocumentAsync("a.txt", CancellationToken.None);
        Assert.True(await harness.Client.DeleteCollectionAsync("conformance", CancellationToken.None));

        var notCalled = QdrantEndpoint.All.Where(e => server.CallsTo(e.Method, e.PathTemplate).Count == 0).ToList();
        Assert.Empty(notCalled);
        foreach (var endpoint in QdrantEndpoint.All)
        {
            var calls = server.CallsTo(endpoint.Method, endpoint.PathTemplate);
            Assert.All(calls, c => Assert.Equal(200, c.Status));
            Assert.Equal(spec.HasRequestSchema(endpoint.Method, endpoint.PathTemplate), calls.All(c => c.RequestBody.Length > 0));
            Assert.True(endpoint == QdrantEndpoint.Readyz || spec.HasResponseSchema(endpoint.Method, endpoint.PathTemplate), $"{endpoint} has no JSON response schema");
        }

        Assert.Empty(server.SpecViolations);
    }
}
