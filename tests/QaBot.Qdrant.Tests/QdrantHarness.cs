using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Core;
using QaBot.Qdrant.Index;
using QaBot.Qdrant.Rest;

namespace QaBot.Qdrant.Tests;

/// <summary>A client, collection and index against one Qdrant URL (the fake or a real server), built as DI would.</summary>
internal sealed class QdrantHarness : IDisposable
{
    private readonly HttpClient _http;

    public QdrantHarness(Uri url, string collection = "qabot-test", EmbeddingModelInfo? model = null, TimeProvider? timeProvider = null, Action<QdrantOptions>? configure = null)
    {
        Options = new QdrantOptions
        {
            Url = url,
            Collection = collection,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxAttempts = 2,
        };
        configure?.Invoke(Options);
        Time = timeProvider ?? TimeProvider.System;
        _http = new HttpClient { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        Client = new QdrantClient(_http, Options, Time, NullLogger<QdrantClient>.Instance);
        Collection = new QdrantCollectionHandle(Client, Options, model, NullLogger<QdrantCollectionHandle>.Instance);
        Index = new QdrantChunkIndex(Collection, Options, Time);
        Vectors = new QdrantVectorIndex(Collection);
    }

    public QdrantOptions Options { get; }

    public TimeProvider Time { get; }

    public QdrantClient Client { get; }

    public QdrantCollectionHandle Collection { get; }

    public QdrantChunkIndex Index { get; }

    public QdrantVectorIndex Vectors { get; }

    public void Dispose()
    {
        Collection.Dispose();
        _http.Dispose();
    }
}
