using Microsoft.Extensions.Logging;
using QaBot.Core;
using QaBot.Index.Qdrant.Transport;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// QaBot's collection on the server. On first use it waits for Qdrant, creates the collection when missing
/// (a named dense vector sized for the configured embedding model, a sparse vector with the IDF modifier,
/// payload indexes, the metadata point) and otherwise checks it against the configuration, failing with a
/// message that says what to do instead of writing vectors that do not fit.
/// </summary>
public sealed partial class QdrantCollectionHandle(QdrantGateway client, QdrantOptions options, EmbeddingModelInfo? configuredModel, TermAnalysisVersion analysis, ILogger<QdrantCollectionHandle> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _ready = new(1, 1);
    private volatile bool _checked;
    private CollectionMetadata? _metadata;

    public string Name => options.Collection;

    public void Dispose() => _ready.Dispose();

    public QdrantGateway Client => client;

    /// <summary>Size of the dense vector the collection holds, or null when it has none (sparse only).</summary>
    public int? DenseDimensions { get; private set; }

    /// <summary>The embedding model of the stored dense vectors, or null when there are none.</summary>
    internal EmbeddingModelInfo? StoredModel => _metadata?.Model;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_checked)
        {
            return;
        }

        await _ready.WaitAsync(cancellationToken);
        try
        {
            if (_checked)
            {
                return;
            }

            var version = await client.WaitUntilReadyAsync(cancellationToken);
            LogConnected(options.Url!, version);
            if (!await client.CollectionExistsAsync(Name, cancellationToken) && await CreateAsync(cancellationToken))
            {
                LogCreated(Name, configuredModel?.ModelId ?? "none (sparse only)");
            }

            await CheckAsync(cancellationToken);
            _checked = true;
        }
        finally
        {
            _ready.Release();
        }
    }

    /// <summary>
    /// Reads the model of the stored dense vectors from the server again: another machine's ingest may have
    /// embedded the collection (or re-embedded it with another model) since this process started.
    /// </summary>
    internal async Task<EmbeddingModelInfo?> RefreshStoredModelAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken);
        var found = await ReadMetadataPointAsync(cancellationToken);
        if (found is not null)
        {
            _metadata = CollectionMetadata.FromPayload(found.Payload);
        }

        return StoredModel;
    }

    /// <summary>Records the model of the stored dense vectors (null after they were cleared).</summary>
    internal async Task WriteModelAsync(EmbeddingModelInfo? model, CancellationToken cancellationToken)
    {
        var metadata = (_metadata ?? new CollectionMetadata(CollectionLayout.Version, analysis.Value, null)) with { Model = model };
        await client.UpsertAsync(Name, [PointMessages.Create(CollectionLayout.MetadataId, metadata.ToPayload())], cancellationToken);
        _metadata = metadata;
    }

    private async Task<bool> CreateAsync(CancellationToken cancellationToken)
    {
        var request = new CreateCollection
        {
            CollectionName = Name,
            ShardNumber = (uint)options.ShardNumber,
            ReplicationFactor = (uint)options.ReplicationFactor,
            SparseVectorsConfig = new SparseVectorConfig(),
        };
        request.SparseVectorsConfig.Map[CollectionLayout.SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf };
        if (configuredModel is not null)
        {
            var dense = new VectorParamsMap();
            dense.Map[CollectionLayout.DenseVector] = new VectorParams { Size = (ulong)configuredModel.Dimensions, Distance = Distance.Cosine };
            request.VectorsConfig = new VectorsConfig { ParamsMap = dense };
        }

        request.Metadata.Add(Payload.From(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [CollectionLayout.LayoutVersion] = CollectionLayout.Version,
            [CollectionLayout.AnalyzerVersion] = analysis.Value,
            [CollectionLayout.ModelId] = configuredModel?.ModelId,
        }));
        if (!await client.CreateCollectionAsync(request, cancellationToken))
        {
            return false; // Another process created it first; check it like any existing collection.
        }

        foreach (var (field, schema) in CollectionLayout.PayloadIndexes)
        {
            await client.CreatePayloadIndexAsync(Name, field, schema, cancellationToken);
        }

        await WriteModelAsync(null, cancellationToken);
        return true;
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var info = await client.GetCollectionAsync(Name, cancellationToken);
        var fix = $"Delete the collection (in Qdrant's web UI or its REST API: DELETE /collections/{Name}) or set Qdrant:Collection to a new name, then run 'qabot ingest'.";
        var parameters = info.Config?.Params;
        if (parameters?.SparseVectorsConfig?.Map.GetValueOrDefault(CollectionLayout.SparseVector) is not { Modifier: Modifier.Idf })
        {
            throw new QdrantCollectionMismatchException($"Qdrant collection '{Name}' has no sparse vector '{CollectionLayout.SparseVector}' with the IDF modifier, so it was not made by QaBot. {fix}");
        }

        DenseDimensions = parameters.VectorsConfig?.ParamsMap?.Map.GetValueOrDefault(CollectionLayout.DenseVector) is { } dense ? (int)dense.Size : null;
        if (configuredModel is not null && DenseDimensions != configuredModel.Dimensions)
        {
            var holds = DenseDimensions is { } size ? $"dense vectors of {size} dimensions" : "no dense vector";
            throw new QdrantCollectionMismatchException($"Qdrant collection '{Name}' has {holds}, but the configured embedding model {configuredModel} needs {configuredModel.Dimensions}. {fix}");
        }

        var found = await ReadMetadataPointAsync(cancellationToken);
        if (found is null)
        {
            await WriteModelAsync(null, cancellationToken); // Created by a run that stopped right after; finish it.
            return;
        }

        var metadata = CollectionMetadata.FromPayload(found.Payload);
        if (metadata.LayoutVersion != CollectionLayout.Version)
        {
            throw new QdrantCollectionMismatchException($"Qdrant collection '{Name}' has layout {metadata.LayoutVersion}; this QaBot writes {CollectionLayout.Version}. {fix}");
        }

        if (metadata.AnalyzerVersion != analysis.Value)
        {
            throw new QdrantCollectionMismatchException($"Qdrant collection '{Name}' holds sparse vectors of analyzer {metadata.AnalyzerVersion}; this QaBot analyzes with {analysis.Value}, so its query terms would not match. {fix}");
        }

        _metadata = metadata;
    }

    private async Task<RetrievedPoint?> ReadMetadataPointAsync(CancellationToken cancellationToken)
    {
        var found = await client.ScrollAsync(Name, PointMessages.All(PointMessages.HasId([CollectionLayout.MetadataId])), 1, null, PointMessages.AllFields, cancellationToken);
        return found.Result.Count > 0 ? found.Result[0] : null;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Connected to Qdrant {Url} (server {Version})")]
    private partial void LogConnected(Uri url, string version);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} (embedding model: {Model})")]
    private partial void LogCreated(string collection, string model);
}
