using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using QaBot.Core;
using static QaBot.Answering.Tests.Passages;

namespace QaBot.Answering.Tests;

public sealed class AnswerServiceTests
{
    private readonly Mock<IRetriever> _retriever = new(MockBehavior.Strict);
    private readonly Mock<IAnswerComposer> _composer = new(MockBehavior.Strict);
    private readonly ConversationStore _conversations = new(Options.Create(new ConversationOptions()), TimeProvider.System);

    public AnswerServiceTests()
    {
        _composer.SetupGet(c => c.Name).Returns("test-composer");
    }

    [Theory]
    [InlineData("What is the capital of Australia?", "The document collection does not cover this question; I found no passage that answers it.")]
    [InlineData("Was ist die Hauptstadt von Australien?", "Die Dokumentsammlung beantwortet diese Frage nicht; ich habe dazu keine passende Stelle gefunden.")]
    [InlineData("澳大利亚的首都是哪里？", "文档库中没有能回答这个问题的内容。")]
    public async Task AnswerAsync_NothingRelevant_RefusesInTheQuestionsLanguageWithoutComposing(string question, string refusal)
    {
        // Arrange
        var retrieval = Result(isRelevant: false, [Passage(1, "a.txt", 1, 2, "Unrelated text.")]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);

        // Act
        var answer = await Service().AnswerAsync(new Question(question), CancellationToken.None);

        // Assert
        Assert.True(answer.Refused);
        Assert.Equal(refusal, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.CitedSources);
        Assert.Same(retrieval, answer.Retrieval);
        Assert.Equal("test-composer", answer.AnsweredBy);
        _composer.Verify(c => c.ComposeAsync(It.IsAny<string>(), It.IsAny<RetrievalResult>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AnswerAsync_AnyQuestion_RetrievesTheQuestionTextWithThePassageLimit()
    {
        // Arrange
        using var cancellation = new CancellationTokenSource();
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(RetrievalResult.Empty);

        // Act
        await Service().AnswerAsync(new Question("How many enterprises?", "chat-1"), cancellation.Token);

        // Assert
        _retriever.Verify(r => r.RetrieveAsync(It.Is<RetrievalRequest>(q => q.Question == "How many enterprises?" && q.Limit == AnswerService.PassageLimit && q.ExtraQueries == null), cancellation.Token), Times.Once);
        Assert.Equal(5, AnswerService.PassageLimit);
    }

    [Fact]
    public async Task AnswerAsync_Relevant_CitationsNumberedInMarkerOrderAndBoundToTheCitedPassages()
    {
        // Arrange
        var first = Passage(1, "004_f9dad41751f58670.txt", 1, 1, "Over 220,000 enterprises.", "当AI寻找场景");
        var second = Passage(2, "000_bace5807803ee532.txt", 30, 32, "An 8-10 year incubation period.", "The commercialization dilemma");
        var third = Passage(3, "002_04e0f95e4107c13c.txt", 9, 13, "Something else.");
        var retrieval = Result(isRelevant: true, [first, second, third]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);
        _composer.Setup(c => c.ComposeAsync("Q?", retrieval, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ComposedAnswer("Incubation takes 8-10 years [1]. There are 220,000 enterprises [2].", [second, first]));

        // Act
        var answer = await Service().AnswerAsync(new Question("Q?"), CancellationToken.None);

        // Assert
        Assert.False(answer.Refused);
        Assert.Equal("Incubation takes 8-10 years [1]. There are 220,000 enterprises [2].", answer.Text);
        Assert.Equal(
            [
                new Citation(1, "000_bace5807803ee532.txt", 30, 32, "The commercialization dilemma"),
                new Citation(2, "004_f9dad41751f58670.txt", 1, 1, "当AI寻找场景"),
            ],
            answer.Citations);
        Assert.Equal(["000_bace5807803ee532.txt", "004_f9dad41751f58670.txt"], answer.CitedSources);
        Assert.Equal("test-composer", answer.AnsweredBy);
        _composer.Verify(c => c.ComposeAsync("Q?", retrieval, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AnswerAsync_ComposerRefuses_RefusedWithoutSources()
    {
        // Arrange
        var passage = Passage(1, "a.txt", 1, 1, "Text.");
        var retrieval = Result(isRelevant: true, [passage]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);
        _composer.Setup(c => c.ComposeAsync(It.IsAny<string>(), retrieval, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ComposedAnswer("Not covered.", [passage], Refused: true));

        // Act
        var answer = await Service().AnswerAsync(new Question("Q?"), CancellationToken.None);

        // Assert
        Assert.True(answer.Refused);
        Assert.Equal("Not covered.", answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_SamePassageCitedTwiceBySource_CitedSourcesListedOnce()
    {
        // Arrange
        var a = Passage(1, "a.txt", 1, 2, "One.");
        var b = Passage(2, "a.txt", 5, 6, "Two.");
        var retrieval = Result(isRelevant: true, [a, b]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);
        _composer.Setup(c => c.ComposeAsync(It.IsAny<string>(), retrieval, It.IsAny<CancellationToken>())).ReturnsAsync(new ComposedAnswer("One [1]. Two [2].", [a, b]));

        // Act
        var answer = await Service().AnswerAsync(new Question("Q?"), CancellationToken.None);

        // Assert
        Assert.Equal([(1, 1, 2), (2, 5, 6)], answer.Citations.Select(c => (c.Number, c.StartLine, c.EndLine)));
        Assert.Equal(["a.txt"], answer.CitedSources);
    }

    [Fact]
    public async Task AnswerAsync_RetrieverFails_ExceptionPropagates()
    {
        // Arrange
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("index is locked"));

        // Act / Assert
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Service().AnswerAsync(new Question("Q?"), CancellationToken.None));
        Assert.Equal("index is locked", exception.Message);
        _composer.Verify(c => c.ComposeAsync(It.IsAny<string>(), It.IsAny<RetrievalResult>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AnswerAsync_FollowUpInTheSameConversation_RewriterSeesTheTurnAndRetrievalGetsTheStandaloneQuestionAndRewrites()
    {
        // Arrange
        var passage = Passage(1, "a.txt", 1, 1, "Text.");
        var retrieval = Result(isRelevant: true, [passage]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);
        _composer.Setup(c => c.ComposeAsync(It.IsAny<string>(), retrieval, It.IsAny<CancellationToken>())).ReturnsAsync(new ComposedAnswer("Answer [1].", [passage]));
        var rewriter = new Mock<IQuestionRewriter>();
        var extra = new QueryVersion("model:de", "de", "Und in Deutschland?");
        rewriter.Setup(r => r.RewriteAsync("How many in China?", It.IsAny<IReadOnlyList<ConversationTurn>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RewrittenQuestion.AsAsked("How many in China?"));
        rewriter.Setup(r => r.RewriteAsync("and in Germany?", It.Is<IReadOnlyList<ConversationTurn>>(h => h.Count == 1 && h[0].Question == "How many in China?" && h[0].Answer == "Answer [1]."), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RewrittenQuestion("How many in Germany?", true, [extra], 40, 8));
        var service = new AnswerService(_retriever.Object, _composer.Object, rewriter.Object, _conversations, NullLogger<AnswerService>.Instance);
        await service.AnswerAsync(new Question("How many in China?", "thread-7"), CancellationToken.None);

        // Act
        var answer = await service.AnswerAsync(new Question("and in Germany?", "thread-7"), CancellationToken.None);

        // Assert
        _retriever.Verify(r => r.RetrieveAsync(It.Is<RetrievalRequest>(q => q.Question == "How many in Germany?" && q.ExtraQueries!.Single() == extra), It.IsAny<CancellationToken>()), Times.Once);
        _composer.Verify(c => c.ComposeAsync("How many in Germany?", retrieval, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("How many in Germany?", answer.Diagnostics.StandaloneQuestion);
        Assert.Equal((40, 8), (answer.Diagnostics.PromptTokens, answer.Diagnostics.CompletionTokens));
        Assert.Equal(2, _conversations.Recent("thread-7").Count);
    }

    [Fact]
    public async Task StreamAsync_StreamingComposer_PassesItsPiecesOnThenTheAnswer()
    {
        // Arrange
        var passage = Passage(1, "a.txt", 1, 1, "Text.");
        var retrieval = Result(isRelevant: true, [passage]);
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(retrieval);
        var composer = new Mock<IStreamingAnswerComposer>(MockBehavior.Strict);
        composer.SetupGet(c => c.Name).Returns("streaming");
        composer.Setup(c => c.StreamAsync("Q?", retrieval, It.IsAny<CancellationToken>()))
            .Returns(new ComposerUpdate[] { new ComposerTextDelta("Ans"), new ComposerTextDelta("wer [1]."), new ComposerCompleted(new ComposedAnswer("Answer [1].", [passage])) }.ToAsyncEnumerable());
        var service = new AnswerService(_retriever.Object, composer.Object, new AsAskedQuestionRewriter(), _conversations, NullLogger<AnswerService>.Instance);

        // Act
        var updates = new List<AnswerUpdate>();
        await foreach (var update in service.StreamAsync(new Question("Q?"), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert
        Assert.Equal(["Ans", "wer [1]."], updates.OfType<AnswerTextDelta>().Select(d => d.Text));
        var answer = Assert.IsType<AnswerCompleted>(updates[^1]).Answer;
        Assert.Equal([new Citation(1, "a.txt", 1, 1, "A title")], answer.Citations);
        Assert.Equal("streaming", answer.AnsweredBy);
    }

    [Fact]
    public async Task AnswerAsync_EllipticalFollowUpWithoutModel_RetrievesTheCombinedQuestionAndShowsItUnderDebug()
    {
        // Arrange
        _retriever.Setup(r => r.RetrieveAsync(It.IsAny<RetrievalRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(RetrievalResult.Empty);
        var service = new AnswerService(_retriever.Object, _composer.Object, new FollowUpQuestionCombiner(QaBot.Analysis.TextAnalyzer.Default), _conversations, NullLogger<AnswerService>.Instance);
        await service.AnswerAsync(new Question("How much does Meta plan to spend on AI?", "thread-1"), CancellationToken.None);

        // Act
        var followUp = await service.AnswerAsync(new Question("and what about Google?", "thread-1"), CancellationToken.None);

        // Assert
        _retriever.Verify(r => r.RetrieveAsync(It.Is<RetrievalRequest>(q => q.Question == "How much does Google plan to spend on AI?"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("How much does Google plan to spend on AI?", followUp.Diagnostics.StandaloneQuestion);
    }

    private AnswerService Service() => new(_retriever.Object, _composer.Object, new AsAskedQuestionRewriter(), _conversations, NullLogger<AnswerService>.Instance);
}
