using Microsoft.Extensions.DependencyInjection;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Registers the answer service with the extractive composer (no language model needed).</summary>
    public static IServiceCollection AddQaBotAnswering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQaBotAnalysis();
        services.AddSingleton<ExtractiveAnswerComposer>();
        services.AddSingleton<IAnswerComposer>(sp => sp.GetRequiredService<ExtractiveAnswerComposer>());
        services.AddSingleton<AnswerService>();
        services.AddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        return services;
    }
}
