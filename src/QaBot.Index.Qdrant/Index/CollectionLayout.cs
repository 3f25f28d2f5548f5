using QaBot.Core;
using Qdrant.Client.Grpc;

namespace QaBot.Index.Qdrant.Index;

/// <summary>
/// How QaBot lays out its Qdrant collection: vector names, payload keys, the kinds of points besides chunks
/// (one per document for the manifest, blob headers and parts, one metadata point, one ingest progress point) and their ids.
/// </summary>
internal static class CollectionLayout
{
    /// <summary>Bumped when the layout changes; a collection of another layout is refused with a clear message.</summary>
    public const string Version = "qdrant-layout-1";

    public const string DenseVector = "dense";
    public const string SparseVector = "text";

    public const string Kind = "kind";
    public const string ChunkKind = "chunk";
    public const string DocumentKind = "document";
    public const string BlobKind = "blob";
    public const string BlobPartKind = "blob_part";
    public const string MetadataKind = "metadata";
    public const string IngestProgressKind = "ingest_progress";

    public const string SourcePath = "source_path";
    public const string ChunkIndex = "chunk_index";
    public const string Title = "title";
    public const string Section = "section";
    public const string Date = "date";
    public const string StartLine = "start_line";
    public const string EndLine = "end_line";

    // Added after layout 1 was written: read as optional (1, 0, none, 0), so an older collection still answers.
    public const string StartColumn = "start_column";
    public const string EndColumn = "end_column";
    public const string HeadingPath = "heading_path";
    public const string Page = "page";
    public const string Language = "language";
    public const string Text = "text";

    public const string ContentHash = "content_hash";
    public const string PipelineVersion = "pipeline_version";
    public const string ChunkCount = "chunk_count";
    public const string IngestedAt = "ingested_at";
    public const string Languages = "languages";
    public const string Terms = "terms";
    public const string TermChunkCounts = "term_chunk_counts";

    public const string BlobName = "name";
    public const string Generation = "generation";
    public const string Part = "part";
    public const string PartCount = "parts";
    public const string Data = "data";

    public const string LayoutVersion = "layout_version";
    public const string AnalyzerVersion = "analyzer_version";
    public const string ModelId = "embedding_model_id";
    public const string ModelDimensions = "embedding_dimensions";

    public const string Owner = "owner";
    public const string RunStatus = "status";
    public const string FilesDone = "files_done";
    public const string FilesTotal = "files_total";
    public const string FromEmpty = "from_empty";
    public const string StartedAt = "started_at";
    public const string HeartbeatAt = "heartbeat_at";
    public const string Failure = "failure";

    /// <summary>Payload indexes the collection gets: field and schema type.</summary>
    public static IReadOnlyList<(string Field, PayloadSchemaType Schema)> PayloadIndexes { get; } =
    [
        (Kind, PayloadSchemaType.Keyword), (SourcePath, PayloadSchemaType.Keyword), (Language, PayloadSchemaType.Keyword),
        (Date, PayloadSchemaType.Datetime), (ChunkIndex, PayloadSchemaType.Integer), (BlobName, PayloadSchemaType.Keyword),
    ];

    // Chunks use ChunkId.For(path, index ≥ 0); the other points use negative indexes, so no id can collide.
    public static Guid DocumentId(string sourcePath) => ChunkId.For("document:" + sourcePath, -1);

    public static Guid BlobHeaderId(string name) => ChunkId.For("blob:" + name, -1);

    public static Guid BlobPartId(string name, string generation, int part) => ChunkId.For($"blob:{name}:{generation}", -2 - part);

    public static Guid MetadataId { get; } = ChunkId.For("metadata", -1);

    /// <summary>The one point of the latest ingest run's record, beside the metadata point.</summary>
    public static Guid IngestProgressId { get; } = ChunkId.For("ingest-progress", -1);
}
