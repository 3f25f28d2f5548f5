using System.Text.Json.Nodes;
using QaBot.Testing;

namespace QaBot.Embeddings.Tests.Remote;

public sealed class OpenAIEmbeddingGeneratorTests
{
    /// <summary>Answers with the items in reverse order, as the API may: each carries its input's index.</summary>
    private static LoopbackResponse Embeddings(LoopbackRequest request)
    {
        var inputs = JsonNode.Parse(request.Body)!["input"]!.AsArray();
        var data = Enumerable.Range(0, inputs.Count).Reverse()
            .Select(i => (JsonNode)new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray(i, 10 * i) });
        return LoopbackResponse.Json(new JsonObject { ["object"] = "list", ["data"] = new JsonArray([.. data]) }.ToJsonString());
    }

    [Fact]
    public async Task GenerateAsync_OpenAI_SendsBearerKeyAndModelAndOrdersByIndex()
    {
        await using var server = new LoopbackHttpServer(Embeddings);
        using var http = new HttpClient();
        using var generator = OpenAIEmbeddingGenerator.ForOpenAI(http, new Uri(server.BaseUrl, "v1"), "text-embedding-3-small", "sk-test", batchSize: 8);

        var embeddings = await generator.GenerateAsync(["a", "b", "c"]);

        Assert.Equal([[0f, 0f], [1f, 10f], [2f, 20f]], embeddings.Select(e => e.Vector.ToArray()));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.PathAndQuery);
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        Assert.Equal("text-embedding-3-small", JsonNode.Parse(request.Body)!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenerateAsync_Azure_PostsToTheDeploymentWithApiKeyHeader()
    {
        await using var server = new LoopbackHttpServer(Embeddings);
        using var http = new HttpClient();
        using var generator = OpenAIEmbeddingGenerator.ForAzure(http, server.BaseUrl, "embed-small", "azure-key", batchSize: 8);

        await generator.GenerateAsync(["a"]);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"/openai/deployments/embed-small/embeddings?api-version={OpenAIEmbeddingGenerator.AzureApiVersion}", request.PathAndQuery);
        Assert.Equal("azure-key", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task GenerateAsync_Unauthorized_ThrowsWithTheApisMessageButNotTheKey()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}""", 401));
        using var http = new HttpClient();
        using var generator = OpenAIEmbeddingGenerator.ForOpenAI(http, server.BaseUrl, "m", "sk-secret-value", batchSize: 8);

        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a"]));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_DuplicateIndex_Throws()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"data":[{"index":0,"embedding":[1]},{"index":0,"embedding":[2]}]}"""));
        using var http = new HttpClient();
        using var generator = OpenAIEmbeddingGenerator.ForOpenAI(http, server.BaseUrl, "m", "k", batchSize: 8);

        await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a", "b"]));
    }
}
