using Microsoft.Extensions.AI;

namespace QaBot.Core;

/// <summary>
/// How QaBot asks a Microsoft.Extensions.AI embedding generator (the one embedding seam) for vectors. Passages
/// and queries are asked for separately, marked by <see cref="InputTypeKey"/> in the options, because some
/// models (the e5 family) expect a different prefix for each; the configured generator adds it. The model id
/// and dimension count come from the generator's <see cref="EmbeddingGeneratorMetadata"/>.
/// </summary>
public static class TextEmbeddingExtensions
{
    /// <summary>The <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> key that says what is embedded.</summary>
    public const string InputTypeKey = "qabot.input_type";

    /// <summary>The value of <see cref="InputTypeKey"/> for a search query.</summary>
    public const string QueryInput = "query";

    /// <summary>The value of <see cref="InputTypeKey"/> for a passage to index.</summary>
    public const string PassageInput = "passage";

    extension(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        /// <summary>The model and dimension count of every vector the generator makes, from its metadata.</summary>
        public EmbeddingModelInfo Model
        {
            get
            {
                var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
                return metadata is { DefaultModelId: { Length: > 0 } id, DefaultModelDimensions: > 0 and var dimensions }
                    ? new EmbeddingModelInfo(id, dimensions)
                    : throw new InvalidOperationException("The embedding generator does not say its model id and dimensions (EmbeddingGeneratorMetadata).");
            }
        }

        /// <summary>One vector per passage, in order.</summary>
        public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(passages);
            if (passages.Count == 0)
            {
                return [];
            }

            var embeddings = await generator.GenerateAsync(passages, For(PassageInput), cancellationToken);
            return embeddings.Select(e => e.Vector).ToList();
        }

        /// <summary>The vector of a search query.</summary>
        public async Task<ReadOnlyMemory<float>> EmbedQueryAsync(string query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var embeddings = await generator.GenerateAsync([query], For(QueryInput), cancellationToken);
            return embeddings.Count == 1
                ? embeddings[0].Vector
                : throw new InvalidOperationException($"The embedding model returned {embeddings.Count} vectors for one query.");
        }
    }

    /// <summary>What a generation request embeds: <see cref="QueryInput"/>, <see cref="PassageInput"/>, or null when unmarked.</summary>
    public static string? InputType(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(InputTypeKey, out var value) == true ? value as string : null;

    private static EmbeddingGenerationOptions For(string inputType) => new()
    {
        AdditionalProperties = new AdditionalPropertiesDictionary { [InputTypeKey] = inputType },
    };
}
