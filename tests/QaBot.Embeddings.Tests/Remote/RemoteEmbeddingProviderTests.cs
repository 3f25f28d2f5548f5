using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Testing;

namespace QaBot.Embeddings.Tests.Remote;

/// <summary>The remote providers as the factory builds them (OllamaSharp, the OpenAI and Azure OpenAI SDKs through Microsoft.Extensions.AI) against a server on loopback.</summary>
public sealed class RemoteEmbeddingProviderTests
{
    private static IEmbeddingGenerator<string, Embedding<float>> Create(string provider, Uri endpoint, string model = "m", string? apiKey = null, int batchSize = 8) =>
        EmbeddingGeneratorFactory.Create(
            new EmbeddingOptions { Provider = ConfigurationNames.TryParse<EmbeddingProvider>(provider, out var parsed) ? parsed : throw new ArgumentException(provider), Endpoint = endpoint, Model = model, ApiKey = apiKey, Dimensions = 2, BatchSize = batchSize, Normalize = false },
            ".",
            () => new HttpClient());

    [Fact]
    public async Task EmbedPassagesAsync_OllamaThreeInputsBatchOfTwo_PostsTwoRequestsAndKeepsOrder()
    {
        // Arrange
        await using var server = new LoopbackHttpServer(FakeEmbeddingServer.Answer);
        using var generator = Create("ollama", server.BaseUrl, "nomic-embed-text", batchSize: 2);

        // Act
        var vectors = await generator.EmbedPassagesAsync(["a", "bb", "ccc"], CancellationToken.None);

        // Assert
        Assert.Equal([[1f, 1f], [2f, 2f], [1f, 3f]], vectors.Select(v => v.ToArray()));
        Assert.Equal(2, server.Requests.Count);
        var first = server.Requests.First();
        Assert.Equal(("POST", "/api/embed"), (first.Method, first.PathAndQuery));
        Assert.Equal("nomic-embed-text", JsonNode.Parse(first.Body)!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmbedQueryAsync_OllamaModelNotFound_ThrowsNamingTheServiceAndStatus()
    {
        // Arrange
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"error":"model \"nomic\" not found, try pulling it first"}""", 404));
        using var generator = Create("ollama", server.BaseUrl, "nomic");

        // Act
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.EmbedQueryAsync("a", CancellationToken.None));

        // Assert
        Assert.StartsWith($"Ollama at {server.BaseUrl.GetLeftPart(UriPartial.Authority)}", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedQueryAsync_NothingListening_ThrowsNamingTheEndpointKey()
    {
        // Arrange
        Uri closed;
        await using (var server = new LoopbackHttpServer(FakeEmbeddingServer.Answer))
        {
            closed = server.BaseUrl;
        }

        using var generator = Create("ollama", closed);

        // Act
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.EmbedQueryAsync("a", CancellationToken.None));

        // Assert
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedPassagesAsync_OpenAI_SendsBearerKeyAndModelToTheEmbeddingsPath()
    {
        // Arrange
        await using var server = new LoopbackHttpServer(FakeEmbeddingServer.Answer);
        using var generator = Create("openai", new Uri(server.BaseUrl, "v1"), "text-embedding-3-small", "sk-test");

        // Act
        var vectors = await generator.EmbedPassagesAsync(["a", "bb"], CancellationToken.None);

        // Assert
        Assert.Equal([[1f, 1f], [2f, 2f]], vectors.Select(v => v.ToArray()));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.PathAndQuery);
        Assert.Equal("Bearer sk-test", request.Header("Authorization"));
        Assert.Equal("text-embedding-3-small", JsonNode.Parse(request.Body)!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmbedQueryAsync_AzureOpenAI_PostsToTheDeploymentWithTheApiKeyHeader()
    {
        // Arrange
        await using var server = new LoopbackHttpServer(FakeEmbeddingServer.Answer);
        using var generator = Create("azure-openai", server.BaseUrl, "embed-small", "azure-key");

        // Act
        await generator.EmbedQueryAsync("a", CancellationToken.None);

        // Assert
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("/openai/deployments/embed-small/embeddings?api-version=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("azure-key", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task EmbedQueryAsync_OpenAIUnauthorized_ThrowsWithTheStatusButNotTheKey()
    {
        // Arrange
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}""", 401));
        using var generator = Create("openai", server.BaseUrl, apiKey: "sk-secret-value");

        // Act
        var error = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.EmbedQueryAsync("a", CancellationToken.None));

        // Assert
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedQueryAsync_429WithRetryAfterThroughTheHostsClient_RetriesAfterThatDelayOnTheFakeClock()
    {
        // Arrange
        var time = new ObservedTimeProvider();
        var arrivals = new List<DateTimeOffset>();
        await using var server = new LoopbackHttpServer(request =>
        {
            lock (arrivals)
            {
                arrivals.Add(time.GetUtcNow());
                return arrivals.Count == 1 ? LoopbackResponse.Json("""{"error":"busy"}""", 429) with { RetryAfterSeconds = 5 } : FakeEmbeddingServer.Answer(request);
            }
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "ollama",
            ["Embeddings:Endpoint"] = server.BaseUrl.ToString(),
            ["Embeddings:Model"] = "m",
            ["Embeddings:Dimensions"] = "2",
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddQaBotEmbeddings(configuration)
            .BuildServiceProvider();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        // Act
        var embedding = generator.EmbedQueryAsync("a", CancellationToken.None);
        await time.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(5));
        var vector = await embedding;

        // Assert
        Assert.Equal(2, vector.Length);
        Assert.Equal(2, arrivals.Count);
        // The server's 5 s exactly: only the test moves the clock.
        Assert.Equal(TimeSpan.FromSeconds(5), arrivals[1] - arrivals[0]);
    }
}
