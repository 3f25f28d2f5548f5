using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using QaBot.Core;

namespace QaBot.Generation.Tests;

public sealed class ModelQuestionRewriterTests
{
    private readonly ChatMocks _mocks = new();

    [Fact]
    public async Task RewriteAsync_NoHistoryAndOneLanguage_SearchedAsAskedWithoutAnyModelCall()
    {
        // Act
        var rewritten = await Rewriter(new FakeChunkIndex("en")).RewriteAsync("How many enterprises are in Binhai?", [], CancellationToken.None);

        // Assert
        Assert.Equal("How many enterprises are in Binhai?", rewritten.Standalone);
        Assert.False(rewritten.WasCondensed);
        Assert.Empty(rewritten.ExtraQueries);
        _mocks.Chat.Verify(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RewriteAsync_FollowUp_CondensePromptCarriesTheRecentTurnsAndTheFollowUp()
    {
        // Arrange
        _mocks.Reply(_ => "Where was the 2024 robotics conference held?\n(extra line ignored)");
        var history = new[]
        {
            new ConversationTurn("What was the 2024 robotics conference about?", "Industrial robots [1].", DateTimeOffset.UnixEpoch),
            new ConversationTurn("Who organised it?", "The VDMA [1].", DateTimeOffset.UnixEpoch),
        };

        // Act
        var rewritten = await Rewriter(new FakeChunkIndex("en")).RewriteAsync("and where?", history, CancellationToken.None);

        // Assert
        Assert.Equal("Where was the 2024 robotics conference held?", rewritten.Standalone);
        Assert.True(rewritten.WasCondensed);
        var user = Assert.Single(_mocks.Prompts).Single(m => m.Role == AuthorRole.User).Content!.ReplaceLineEndings("\n");
        Assert.Contains("User: What was the 2024 robotics conference about?\nAssistant: Industrial robots [1].\nUser: Who organised it?\nAssistant: The VDMA [1].", user, StringComparison.Ordinal);
        Assert.Contains("Follow-up question: and where?", user, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTranslations_ReplyWithNoiseAndUnaskedLanguages_OnlyTheAskedLanguagesOnce()
    {
        // Act
        var versions = ModelQuestionRewriter.ParseTranslations("Here you go:\n- de: Wie viele?\nfr: Combien?\nzh：多少？\nde: Noch einmal", ["de", "zh"]);

        // Assert
        Assert.Equal([("model:de", "de", "Wie viele?"), ("model:zh", "zh", "多少？")], versions.Select(v => (v.Label, v.Language, v.Text)));
    }

    private ModelQuestionRewriter Rewriter(FakeChunkIndex index) => new(
        _mocks.Model, ChatMocks.ShippedPrompts, index, ChatMocks.Options(), new GenerationMetrics(), TimeProvider.System, NullLogger<ModelQuestionRewriter>.Instance);
}
