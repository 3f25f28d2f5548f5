using System.Buffers;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace QaBot.Embeddings;

/// <summary>
/// Embeds text with a local ONNX transformer (BERT or XLM-R family): tokenise, pad a batch, run the one
/// <see cref="InferenceSession"/> (thread-safe, so it is reused by every call), pool the token vectors, scale
/// to unit length. Texts are sorted by length before batching so a batch pads little; the input buffers come
/// from a pool.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly Lock _running = new();
    private readonly OnnxEmbeddingSettings _settings;
    private readonly InferenceSession _session;
    private readonly ITokenEncoder _encoder;
    private readonly bool _takesTokenTypes;
    private readonly string _output;
    private readonly bool _outputIsPooled;

    public OnnxEmbeddingGenerator(OnnxEmbeddingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _encoder = settings.Files.Tokenizer == TokenizerKind.SentencePiece
            ? new SentencePieceTokenEncoder(settings.Files.TokenizerPath)
            : new WordPieceTokenEncoder(settings.Files.TokenizerPath);
        using var options = new SessionOptions { IntraOpNumThreads = settings.Threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        try
        {
            _session = new InferenceSession(settings.Files.ModelPath, options);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidDataException($"{settings.Files.ModelPath} could not be loaded as an ONNX model: {exception.Message}", exception);
        }

        var inputs = _session.InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        if (!inputs.Contains(InputIds) || !inputs.Contains(AttentionMask))
        {
            _session.Dispose();
            throw new InvalidDataException($"{settings.Files.ModelPath} takes inputs {string.Join(", ", inputs)}; an embedding model needs {InputIds} and {AttentionMask}.");
        }

        _takesTokenTypes = inputs.Contains(TokenTypeIds);
        _output = _session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : _session.OutputNames[0];
        var shape = _session.OutputMetadata[_output].Dimensions;
        _outputIsPooled = shape.Length == 2;
        Dimensions = shape[^1] > 0 ? shape[^1] : Probe();
        Metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(settings.Files.Folder), settings.Name, Dimensions);
    }

    /// <summary>The length of every vector the model makes.</summary>
    public int Dimensions { get; }

    public EmbeddingGeneratorMetadata Metadata { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sequences = values.Select(v => _encoder.Encode(v, _settings.MaxTokens)).ToArray();
        var vectors = new float[sequences.Length][];
        var order = Enumerable.Range(0, sequences.Length).OrderBy(i => sequences[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += _settings.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_settings.BatchSize, order.Length - start)).ToArray();
            Run(batch.Select(i => sequences[i]).ToArray(), batch.Select(i => vectors[i] = new float[Dimensions]).ToArray());
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = _settings.Name }));
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => GeneratorServices.Find(this, Metadata, serviceType, serviceKey);

    public void Dispose() => _session.Dispose();

    /// <summary>Runs one padded batch and writes each sequence's pooled (and normalised) vector.</summary>
    private void Run(int[][] sequences, float[][] destinations)
    {
        var length = sequences.Max(s => s.Length);
        var cells = sequences.Length * length;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = _takesTokenTypes ? ArrayPool<long>.Shared.Rent(cells) : null;
        try
        {
            for (var row = 0; row < sequences.Length; row++)
            {
                var sequence = sequences[row];
                for (var t = 0; t < length; t++)
                {
                    var cell = (row * length) + t;
                    ids[cell] = t < sequence.Length ? sequence[t] : _encoder.PaddingId;
                    mask[cell] = t < sequence.Length ? 1 : 0;
                }
            }

            types?.AsSpan(0, cells).Clear();
            long[] shape = [sequences.Length, length];
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, cells), shape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, cells), shape);
            using var typesValue = types is null ? null : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, types.AsMemory(0, cells), shape);
            var names = typesValue is null ? new[] { InputIds, AttentionMask } : [InputIds, AttentionMask, TokenTypeIds];
            var values = typesValue is null ? new[] { idsValue, maskValue } : [idsValue, maskValue, typesValue];
            using var runOptions = new RunOptions();
            // One run at a time: each already uses every intra-op thread, and two at once only contend for the cores.
            using var outputs = RunExclusive(runOptions, names, values);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var stride = _outputIsPooled ? Dimensions : length * Dimensions;
            for (var row = 0; row < sequences.Length; row++)
            {
                var destination = destinations[row].AsSpan();
                var tokens = hidden.Slice(row * stride, stride);
                if (_outputIsPooled)
                {
                    tokens.CopyTo(destination);
                }
                else
                {
                    TokenPooling.Pool(tokens, sequences[row].Length, _settings.Pooling, destination);
                }

                if (_settings.Normalize)
                {
                    TokenPooling.Normalize(destination);
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            if (types is not null)
            {
                ArrayPool<long>.Shared.Return(types);
            }
        }
    }

    private IDisposableReadOnlyCollection<OrtValue> RunExclusive(RunOptions runOptions, string[] names, OrtValue[] values)
    {
        lock (_running)
        {
            return _session.Run(runOptions, names, values, [_output]);
        }
    }

    /// <summary>Models exported with a symbolic hidden size say their dimension only when run.</summary>
    private int Probe()
    {
        long[] shape = [1, 2];
        using var ids = OrtValue.CreateTensorValueFromMemory(new long[] { 0, 2 }, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(new long[] { 1, 1 }, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[] { 0, 0 }, shape);
        var names = _takesTokenTypes ? new[] { InputIds, AttentionMask, TokenTypeIds } : [InputIds, AttentionMask];
        var values = _takesTokenTypes ? new[] { ids, mask, types } : [ids, mask];
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_output]);
        return (int)outputs[0].GetTensorTypeAndShape().Shape[^1];
    }
}
