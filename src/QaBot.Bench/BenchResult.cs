namespace QaBot.Bench;

/// <summary>What `qabot bench` measured at one collection size.</summary>
/// <param name="Chunks">Chunks actually indexed (the generator aims at the requested count).</param>
/// <param name="IngestChunksPerSecond">Read, clean, chunk, analyze and write, without the collection refresh (translation table).</param>
/// <param name="IngestWithRefreshChunksPerSecond">The same plus the translation-table build that ingest runs at the end.</param>
/// <param name="TranslationTableBuildMs">The translation-table build alone (ICollectionRefresher).</param>
/// <param name="VectorWriteChunksPerSecond">Storing one 384-dimension vector per chunk.</param>
/// <param name="TranslationTableLoadMs">Reading and deserializing the translation table, as at start-up.</param>
/// <param name="Translation">Dictionary translation of one question into the collection's other languages.</param>
/// <param name="LexicalStagesMeanMs">Mean milliseconds per stage of lexical retrieval (translate, search, rerank).</param>
public sealed record BenchResult(
    int RequestedChunks,
    int Chunks,
    int Articles,
    double IngestSeconds,
    double IngestChunksPerSecond,
    double TranslationTableBuildMs,
    double IngestWithRefreshChunksPerSecond,
    double VectorWriteChunksPerSecond,
    LatencySummary Lexical,
    LatencySummary Dense,
    LatencySummary Hybrid,
    LatencySummary AnswerPipeline,
    double TranslationTableLoadMs,
    LatencySummary Translation,
    IReadOnlyDictionary<string, double> LexicalStagesMeanMs,
    long IndexBytes,
    long PeakRssBytes);

/// <summary>What a load run measured: concurrent questions through a bounded dispatcher.</summary>
/// <param name="Refused">Completed answers that said the collection does not cover the question; they skip the chat model.</param>
public sealed record LoadResult(
    int Chunks,
    int Concurrency,
    int Workers,
    int QueueCapacity,
    double ModelLatencyMs,
    int Submitted,
    int Completed,
    int Refused,
    int BusyRejections,
    int Errors,
    double ElapsedSeconds,
    LatencySummary Latency,
    long PeakRssBytes)
{
    public double ThroughputPerSecond => ElapsedSeconds > 0 ? Completed / ElapsedSeconds : 0;
}

/// <summary>The machine and code a run was taken on.</summary>
public sealed record BenchEnvironment(int Cores, string Commit, string LoadAverage, string Runtime, string OperatingSystem);
