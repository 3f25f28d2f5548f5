using Microsoft.Extensions.AI;
using QaBot.Core;

namespace QaBot.Ingestion.Sync;

/// <summary>
/// The embed step of the ingest pipeline: a document's chunks become vectors of the configured model. The
/// model's id is part of every manifest entry's pipeline version, so a model change re-embeds every file on
/// the next ingest; <see cref="PrepareIndexAsync"/> first drops the other model's vectors so two models never mix.
/// </summary>
public sealed class ChunkEmbeddingStep(IEmbeddingGenerator<string, Embedding<float>> embedder, IVectorIndex vectors)
{
    public EmbeddingModelInfo Model => embedder.Model;

    /// <summary>The pipeline version of files embedded by this model.</summary>
    public string PipelineVersion(string basePipelineVersion) => $"{basePipelineVersion};embed={Model.ModelId}/{Model.Dimensions}";

    /// <summary>Clears the index's vectors when another model made them; returns that model, or null when nothing was cleared.</summary>
    public async Task<EmbeddingModelInfo?> PrepareIndexAsync(CancellationToken cancellationToken)
    {
        var stored = await vectors.ReadModelAsync(cancellationToken);
        if (stored is null || stored == Model)
        {
            return null;
        }

        await vectors.ClearVectorsAsync(cancellationToken);
        return stored;
    }

    /// <summary>The vectors of <paramref name="chunks"/>, in order; the title goes with the text, as a reader sees it.</summary>
    public async Task<IReadOnlyList<ChunkVector>> EmbedAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        var texts = chunks.Select(c => PassageText(c.Chunk)).ToList();
        var embedded = await embedder.EmbedPassagesAsync(texts, cancellationToken);
        return chunks.Select((c, i) => new ChunkVector(c.Chunk.Id, embedded[i])).ToList();
    }

    /// <summary>The text embedded for a chunk: its article's title, the headings above it, then its text.</summary>
    public static string PassageText(Chunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return chunk.HeadingPath.Count == 0
            ? chunk.Title + "\n" + chunk.Text
            : chunk.Title + "\n" + string.Join(" › ", chunk.HeadingPath) + "\n" + chunk.Text;
    }

    /// <summary>Stores a document's vectors; its chunks must already be in the index.</summary>
    public Task WriteAsync(IReadOnlyList<ChunkVector> chunkVectors, CancellationToken cancellationToken) =>
        vectors.UpsertVectorsAsync(Model, chunkVectors, cancellationToken);
}
