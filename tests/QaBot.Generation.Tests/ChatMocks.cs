using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Generation.Claims;

namespace QaBot.Generation.Tests;

/// <summary>A kernel around a Moq'd chat completion service, and the generation classes built on it.</summary>
internal sealed class ChatMocks
{
    public ChatMocks()
    {
        Chat.SetupGet(c => c.Attributes).Returns(new Dictionary<string, object?>());
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Chat.Object);
        Model = new ChatModel(builder.Build(), "openai:mock");
    }

    public Mock<IChatCompletionService> Chat { get; } = new();

    public ChatModel Model { get; }

    public List<ChatHistory> Prompts { get; } = [];

    public static PromptLibrary ShippedPrompts { get; } = PromptLibrary.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

    /// <summary>The settings <see cref="Composer"/> answers with; tests may change them first.</summary>
    public ChatOptions Settings { get; } = new() { Provider = ChatProvider.OpenAI, Model = "mock" };

    public static IOptions<ChatOptions> Options(bool translate = true) => Microsoft.Extensions.Options.Options.Create(new ChatOptions { Provider = ChatProvider.OpenAI, Model = "mock", TranslateQueries = translate });

    /// <summary>The model streams these pieces for every answer.</summary>
    public void StreamReply(params string[] pieces) => Chat
        .Setup(c => c.GetStreamingChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
        .Callback<ChatHistory, PromptExecutionSettings?, Kernel?, CancellationToken>((history, _, _, _) => Prompts.Add(history))
        .Returns(() => Stream(pieces));

    public void StreamFailure(Exception exception) => Chat
        .Setup(c => c.GetStreamingChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
        .Throws(exception);

    /// <summary>The model replies with <paramref name="reply"/> to every non-streamed call (condense, translate).</summary>
    public void Reply(Func<ChatHistory, string> reply) => Chat
        .Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
        .Callback<ChatHistory, PromptExecutionSettings?, Kernel?, CancellationToken>((history, _, _, _) => Prompts.Add(history))
        .ReturnsAsync((ChatHistory history, PromptExecutionSettings? _, Kernel? _, CancellationToken _) => [new ChatMessageContent(AuthorRole.Assistant, reply(history))]);

    public ModelAnswerComposer Composer(GenerationMetrics? metrics = null) =>
        new(Model, ShippedPrompts, Microsoft.Extensions.Options.Options.Create(Settings), metrics ?? new GenerationMetrics(), TimeProvider.System, new ClaimChecker(TextAnalyzer.Default), Mock.Of<ITranslationTableProvider>(), NullLogger<ModelAnswerComposer>.Instance);

    private static async IAsyncEnumerable<StreamingChatMessageContent> Stream(string[] pieces, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var piece in pieces)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, piece);
        }
    }
}
