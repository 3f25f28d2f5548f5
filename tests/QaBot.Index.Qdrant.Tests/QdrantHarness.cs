using Microsoft.Extensions.Logging.Abstractions;
using QaBot.Core;
using QaBot.Index.Qdrant.Index;
using QaBot.Index.Qdrant.Transport;

namespace QaBot.Index.Qdrant.Tests;

/// <summary>A gateway, collection and index against one Qdrant gRPC URL (the fake or a real server), built as DI would.</summary>
internal sealed class QdrantHarness : IDisposable
{
    public QdrantHarness(Uri url, string collection = "qabot-test", EmbeddingModelInfo? model = null, TimeProvider? timeProvider = null, Action<QdrantOptions>? configure = null)
    {
        Options = new QdrantOptions
        {
            Url = url,
            Collection = collection,
            ApiKey = Environment.GetEnvironmentVariable("QDRANT_API_KEY"),
            RetryBaseDelay = TimeSpan.Zero,
            RetryMaxDelay = TimeSpan.Zero,
            RequestTimeout = TimeSpan.FromSeconds(30),
            MaxAttempts = 2,
        };
        configure?.Invoke(Options);
        Time = timeProvider ?? TimeProvider.System;
        Gateway = new QdrantGateway(Options, Time, NullLogger<QdrantGateway>.Instance);
        Collection = new QdrantCollectionHandle(Gateway, Options, model, new TermAnalysisVersion(QaBot.Analysis.TextAnalyzer.Version), NullLogger<QdrantCollectionHandle>.Instance);
        Index = new QdrantChunkIndex(Collection, Options, Time);
        Vectors = new QdrantVectorIndex(Collection);
    }

    public QdrantOptions Options { get; }

    public TimeProvider Time { get; }

    public QdrantGateway Gateway { get; }

    public QdrantCollectionHandle Collection { get; }

    public QdrantChunkIndex Index { get; }

    public QdrantVectorIndex Vectors { get; }

    public void Dispose()
    {
        Collection.Dispose();
        Gateway.Dispose();
    }
}
