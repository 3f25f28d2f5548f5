using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QaBot.Core;

namespace QaBot.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Registers the one multilingual analyzer shared by ingest and queries.</summary>
    public static IServiceCollection AddQaBotAnalysis(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(_ => TextAnalyzer.Default);
        services.AddSingleton(_ => LanguageTags.Default);
        services.TryAddSingleton(new TermAnalysisVersion(TextAnalyzer.Version));
        return services;
    }
}
