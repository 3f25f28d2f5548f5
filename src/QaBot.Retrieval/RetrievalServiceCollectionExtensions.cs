using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QaBot.Analysis;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Retrieval.Answerability;
using QaBot.Retrieval.Translation;

namespace QaBot.Retrieval;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>Registers cross-lingual lexical retrieval over the registered <see cref="IChunkIndex"/>.</summary>
    public static IServiceCollection AddQaBotRetrieval(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQaBotAnalysis();
        services.AddValidatedOptions<RetrievalOptions, RetrievalOptionsValidator>(RetrievalOptions.SectionName);
        // Nothing to validate: an unset or empty glossary path is meaningful, a missing file is named when read.
        services.AddOptions<TranslationOptions>().BindConfiguration(TranslationOptions.SectionName);
        services.AddSingleton<TranslationTableStore>();
        services.AddSingleton<TranslationDisambiguator>();
        services.AddSingleton(sp => new DictionaryQueryTranslator(
            sp.GetRequiredService<TranslationTableStore>(),
            sp.GetRequiredService<TextAnalyzer>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.TranslationDisambiguation ? sp.GetRequiredService<TranslationDisambiguator>() : null));
        services.AddSingleton<IQueryTranslator>(sp => sp.GetRequiredService<DictionaryQueryTranslator>());
        services.AddSingleton<CoverageAssessor>();
        services.AddSingleton<AnswerabilityGate>();
        services.AddSingleton<QueryExpansion.CollectionVocabulary>();
        services.AddSingleton(sp => Analysis.Synonyms.SynonymLexicons.Shipped(sp.GetRequiredService<TextAnalyzer>()));
        services.AddSingleton<QueryExpansion.SynonymExpander>();
        services.AddSingleton<FusionRetriever>();
        services.AddSingleton<IRetriever>(sp => sp.GetRequiredService<FusionRetriever>());
        services.AddSingleton<ICollectionRefresher, TranslationTableRefresher>();
        return services;
    }
}
