using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QaBot.Answering;
using QaBot.Core;

namespace QaBot.Generation.Tests;

/// <summary>The chat model plugs into the answer service through <see cref="IModelAnswering"/>, whichever module is registered first.</summary>
public sealed class GenerationRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddQaBotGeneration_ChatProviderSetInEitherOrder_ModelComposesAndRewrites(bool answeringFirst)
    {
        using var services = Build(answeringFirst, new()
        {
            ["Chat:Provider"] = "openai",
            ["Chat:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Chat:Model"] = "fake-model",
            ["Chat:PromptsPath"] = Path.Combine(AppContext.BaseDirectory, "prompts"),
        });

        Assert.IsType<ModelAnswerComposer>(services.GetRequiredService<IAnswerComposer>());
        Assert.IsType<ModelQuestionRewriter>(services.GetRequiredService<IQuestionRewriter>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddQaBotGeneration_NoChatProviderInEitherOrder_ExtractiveComposerAndFollowUpCombiner(bool answeringFirst)
    {
        using var services = Build(answeringFirst, []);

        Assert.IsType<ExtractiveAnswerComposer>(services.GetRequiredService<IAnswerComposer>());
        Assert.IsType<FollowUpQuestionCombiner>(services.GetRequiredService<IQuestionRewriter>());
    }

    private static ServiceProvider Build(bool answeringFirst, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddSingleton<IChunkIndex>(new FakeChunkIndex("en"));
        if (answeringFirst)
        {
            services.AddQaBotAnswering().AddQaBotGeneration();
        }
        else
        {
            services.AddQaBotGeneration().AddQaBotAnswering();
        }

        return services.BuildServiceProvider();
    }
}
