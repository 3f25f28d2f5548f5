using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Ingestion.Chunking;
using QaBot.Ingestion.Reading;
using QaBot.Ingestion.Reading.Office;
using QaBot.Ingestion.Sync;

namespace QaBot.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Registers the ingest pipeline: scan, read, parse and clean, chunk, analyze, synchronize the index.</summary>
    public static IServiceCollection AddQaBotIngestion(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQaBotAnalysis();
        services.AddCorpusOptions();
        services.AddValidatedOptions<IngestOptions, IngestOptionsValidator>(IngestOptions.SectionName);
        services.AddValidatedOptions<ChunkingOptions, ChunkingOptionsValidator>(ChunkingOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ArticleParser>();
        services.AddSingleton<DocumentParser>();
        services.AddSingleton<IArticleParser>(sp => sp.GetRequiredService<DocumentParser>());
        services.AddSingleton(sp => new SentenceAwareChunker(sp.GetRequiredService<IOptions<ChunkingOptions>>().Value));
        services.AddSingleton(sp => new CorpusScanner(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton(sp => new FileReader(sp.GetRequiredService<IOptions<IngestOptions>>().Value));
        services.AddSingleton<DocumentPreparer>();
        services.TryAddSingleton(IngestOwner.ForThisProcess());
        services.AddSingleton<IngestProgressRecorder>();
        services.AddSingleton<CorpusSynchronizer>();
        return services;
    }
}
