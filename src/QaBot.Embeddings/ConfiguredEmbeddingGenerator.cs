using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using Polly.Timeout;
using QaBot.Core;

namespace QaBot.Embeddings;

/// <summary>
/// The configured embedding model over a provider's generator (ONNX, Ollama, OpenAI, Azure OpenAI): puts the
/// model's query or passage prefix before each text (the e5 family is trained with <c>"query: "</c> and
/// <c>"passage: "</c>; see <see cref="TextEmbeddingExtensions.InputTypeKey"/>), sends at most
/// <c>Embeddings:BatchSize</c> texts per call, refuses vectors of another length than the model's so a wrong
/// setting never reaches the index, scales them to unit length when asked, and turns a provider's failure into
/// one message naming the service and what to check. Its metadata carries QaBot's model id and dimensions.
/// </summary>
public sealed class ConfiguredEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly EmbeddingSettings _settings;

    /// <param name="inner">The provider's generator; owned (disposed) by this one.</param>
    public ConfiguredEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingModelInfo model, EmbeddingSettings settings)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        Model = model;
        _settings = settings;
        var providerMetadata = inner.GetService<EmbeddingGeneratorMetadata>();
        _metadata = new EmbeddingGeneratorMetadata(settings.Service, providerMetadata?.ProviderUri ?? settings.Endpoint, model.ModelId, model.Dimensions);
    }

    /// <summary>The model id and dimension count recorded with every stored vector.</summary>
    public EmbeddingModelInfo Model { get; }

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = TextEmbeddingExtensions.InputType(options) switch
        {
            TextEmbeddingExtensions.QueryInput => _settings.QueryPrefix,
            TextEmbeddingExtensions.PassageInput => _settings.PassagePrefix,
            _ => "",
        };

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Select(v => prefix + v).Chunk(Math.Max(1, _settings.BatchSize)))
        {
            var embeddings = await GenerateBatchAsync(batch, cancellationToken);
            if (embeddings.Count != batch.Length)
            {
                throw new EmbeddingServiceException($"{Where} did not answer one embedding per input ({batch.Length} sent, {embeddings.Count} answered).");
            }

            result.AddRange(embeddings.Select(e => new Embedding<float>(Checked(e.Vector)) { ModelId = Model.ModelId, CreatedAt = e.CreatedAt }));
            if (embeddings.Usage is { } usage)
            {
                result.Usage ??= new UsageDetails();
                result.Usage.Add(usage);
            }
        }

        return result;
    }

    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata : base.GetService(serviceType, serviceKey);
    }

    private string Where => _settings.Endpoint is { } endpoint ? $"{_settings.Service} at {endpoint.GetLeftPart(UriPartial.Authority)}" : _settings.Service;

    private async Task<GeneratedEmbeddings<Embedding<float>>> GenerateBatchAsync(string[] batch, CancellationToken cancellationToken)
    {
        try
        {
            // The input-type mark has done its job here; providers get no options of ours.
            return await base.GenerateAsync(batch, null, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not (EmbeddingServiceException or OperationCanceledException { CancellationToken.IsCancellationRequested: true }))
        {
            throw new EmbeddingServiceException(Describe(exception), exception);
        }
    }

    // Never the request: it may echo a key.
    private string Describe(Exception exception) => exception switch
    {
        TimeoutRejectedException or TaskCanceledException or TimeoutException => $"{Where} did not answer in time.",
        BrokenCircuitException => $"{Where} failed too often just now, so QaBot paused calling it; try again in a moment.",
        ClientResultException { Status: > 0 } result => $"{Where} answered HTTP {result.Status}: {result.Message}",
        HttpRequestException { StatusCode: { } status } http => $"{Where} answered HTTP {(int)status} {status}: {http.Message}",
        HttpRequestException or ClientResultException => $"{Where} could not be reached ({Innermost(exception).Message}). Check Embeddings:Endpoint, or set Embeddings:Provider=none for lexical search only.",
        JsonException => $"{Where} answered something that is not the embeddings it was asked for ({exception.Message}).",
        _ => $"{Where} failed: {exception.Message}",
    };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private ReadOnlyMemory<float> Checked(ReadOnlyMemory<float> vector)
    {
        if (vector.Length != Model.Dimensions)
        {
            throw new EmbeddingServiceException($"The embedding model {Model.ModelId} returned a vector of {vector.Length} dimensions, but {Model.Dimensions} are configured (Embeddings:Dimensions). Set Embeddings:Dimensions={vector.Length} and run 'qabot ingest' to re-embed.");
        }

        if (!_settings.Normalize)
        {
            return vector;
        }

        var copy = vector.ToArray();
        TokenPooling.Normalize(copy);
        return copy;
    }
}

/// <summary>What <see cref="ConfiguredEmbeddingGenerator"/> adds around a provider's generator.</summary>
/// <param name="Service">The service, as messages name it ("Ollama", "OpenAI", "Azure OpenAI", "ONNX").</param>
/// <param name="Normalize">Scale vectors to unit length (for services that may not; the ONNX generator already does).</param>
public sealed record EmbeddingSettings(string Service, Uri? Endpoint, string QueryPrefix, string PassagePrefix, int BatchSize, bool Normalize);
