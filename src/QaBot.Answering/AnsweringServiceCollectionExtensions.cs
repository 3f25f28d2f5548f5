using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;
using QaBot.Core.Configuration;
using QaBot.Retrieval;

namespace QaBot.Answering;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// Registers the answer service with the extractive composer (no language model needed), short follow-ups
    /// combined with the previous question (<see cref="FollowUpQuestionCombiner"/>), and the bounded conversation history shared by every front end. A registered, enabled
    /// <see cref="IModelAnswering"/> (the chat model) composes and rewrites instead.
    /// </summary>
    public static IServiceCollection AddQaBotAnswering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddQaBotAnalysis();
        services.AddValidatedOptions<ConversationOptions, ConversationOptionsValidator>(ConversationOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationStore>();
        services.TryAddSingleton<ITranslationTableProvider>(sp => new StoredTranslationTableProvider(sp.GetService<TranslationTableStore>()));
        services.AddSingleton<ExtractiveAnswerComposer>();
        services.AddSingleton<IAnswerComposer>(sp => sp.GetService<IModelAnswering>() is { IsEnabled: true } model
            ? model.Composer
            : sp.GetRequiredService<ExtractiveAnswerComposer>());
        services.AddSingleton<FollowUpQuestionCombiner>();
        services.AddSingleton<IQuestionRewriter>(sp => sp.GetService<IModelAnswering>() is { IsEnabled: true } model
            ? model.Rewriter
            : sp.GetRequiredService<FollowUpQuestionCombiner>());
        services.AddSingleton<AnswerService>();
        services.AddSingleton<IAnswerService>(sp => sp.GetRequiredService<AnswerService>());
        return services;
    }
}
