using System.Text.Json.Nodes;
using QaBot.Core;
using QaBot.Testing;

namespace QaBot.Embeddings.Tests.Remote;

public sealed class OllamaEmbeddingGeneratorTests
{
    /// <summary>Answers /api/embed with vector (i, length of input i) for every input i.</summary>
    private static LoopbackResponse Embed(LoopbackRequest request, int dimensions = 2)
    {
        var inputs = JsonNode.Parse(request.Body)!["input"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var vectors = inputs.Select((text, i) => new JsonArray([.. Enumerable.Range(0, dimensions).Select(d => (JsonNode)(d == 0 ? i + 1 : text.Length))]));
        return LoopbackResponse.Json(new JsonObject { ["model"] = "m", ["embeddings"] = new JsonArray([.. vectors]) }.ToJsonString());
    }

    [Fact]
    public async Task GenerateAsync_ThreeInputsBatchOfTwo_PostsTwoRequestsAndKeepsOrder()
    {
        await using var server = new LoopbackHttpServer(r => Embed(r));
        using var http = new HttpClient();
        using var generator = new OllamaEmbeddingGenerator(http, server.BaseUrl, "nomic-embed-text", batchSize: 2);

        var embeddings = await generator.GenerateAsync(["a", "bb", "ccc"]);

        Assert.Equal([[1f, 1f], [2f, 2f], [1f, 3f]], embeddings.Select(e => e.Vector.ToArray()));
        Assert.Equal(2, server.Requests.Count);
        var first = server.Requests.First();
        Assert.Equal("POST", first.Method);
        Assert.Equal("/api/embed", first.PathAndQuery);
        Assert.Equal("nomic-embed-text", JsonNode.Parse(first.Body)!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateAsync_ModelNotFound_ThrowsWithTheServersReason()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"error":"model \"nomic\" not found, try pulling it first"}""", 404));
        using var http = new HttpClient();
        using var generator = new OllamaEmbeddingGenerator(http, server.BaseUrl, "nomic", batchSize: 8);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a"]));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found, try pulling it first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_FewerEmbeddingsThanInputs_Throws()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"embeddings":[[1,2]]}"""));
        using var http = new HttpClient();
        using var generator = new OllamaEmbeddingGenerator(http, server.BaseUrl, "m", batchSize: 8);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a", "b"]));

        Assert.Contains("one embedding per input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_NothingListening_ThrowsNamingTheEndpointKey()
    {
        Uri closed;
        await using (var server = new LoopbackHttpServer(r => Embed(r)))
        {
            closed = server.BaseUrl;
        }

        using var http = new HttpClient();
        using var generator = new OllamaEmbeddingGenerator(http, closed, "m", batchSize: 8);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a"]));

        Assert.Contains("Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedQueryAsync_ServerReturnsWrongDimensions_ThrowsNamingBothLengths()
    {
        await using var server = new LoopbackHttpServer(r => Embed(r, dimensions: 3));
        using var http = new HttpClient();
        var embedder = new TextEmbedder(new OllamaEmbeddingGenerator(http, server.BaseUrl, "m", 8), new EmbeddingModelInfo("ollama:m", 2), "", "", normalize: true);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => embedder.EmbedQueryAsync("q", CancellationToken.None));

        Assert.Contains("3 dimensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("2 are configured (Embeddings:Dimensions)", error.Message, StringComparison.Ordinal);
    }
}
