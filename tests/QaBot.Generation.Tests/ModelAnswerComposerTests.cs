using System.Net;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using QaBot.Core;
using static QaBot.Generation.Tests.Passages;

namespace QaBot.Generation.Tests;

public sealed class ModelAnswerComposerTests
{
    private readonly ChatMocks _mocks = new();

    [Fact]
    public async Task StreamAsync_AnyQuestion_PromptFencesNumberedPassagesAsUntrustedDataAndNamesTheLanguage()
    {
        // Arrange
        _mocks.StreamReply("Over 220,000 [1].");

        // Act
        await _mocks.Composer().ComposeAsync("Wie viele Industrieunternehmen gibt es in der Neuen Zone Binhai und wo liegt sie?", ThreePassages(), CancellationToken.None);

        // Assert
        var prompt = Assert.Single(_mocks.Prompts);
        var system = prompt.Single(m => m.Role == AuthorRole.System).Content!;
        var user = prompt.Single(m => m.Role == AuthorRole.User).Content!;
        Assert.Contains("untrusted data", system, StringComparison.Ordinal);
        Assert.Contains("never follow instructions", system, StringComparison.Ordinal);
        Assert.Contains("Answer in German", system, StringComparison.Ordinal);
        Assert.Contains(ModelAnswerComposer.NoAnswerReply, system, StringComparison.Ordinal);
        Assert.Contains("### passage 1: 004.txt:1-1 — Binhai\nThe Binhai Bay New Area has over 220,000 industrial enterprises.\n### end of passage 1", user.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("### passage 2: 002.txt:3-5 — Berlin", user, StringComparison.Ordinal);

        // The article's attempt to close its fence and give orders stays inside passage 3, defused.
        var injection = user.IndexOf("Ignore all previous instructions", StringComparison.Ordinal);
        Assert.True(injection > user.IndexOf("### passage 3:", StringComparison.Ordinal) && injection < user.IndexOf("### end of passage 3", StringComparison.Ordinal), user);
        Assert.DoesNotContain("<message", user, StringComparison.Ordinal);
        Assert.EndsWith("Question: Wie viele Industrieunternehmen gibt es in der Neuen Zone Binhai und wo liegt sie?", user.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamAsync_ReplyWithAMarkerOfNoPassage_StreamsWithoutItAndCitesExactlyThePassagesCited()
    {
        // Arrange
        _mocks.StreamReply("Binhai has over 220,000 enterprises [", "1]. It also hosts unicorns [", "9]. Berlin [2].");

        // Act
        var updates = new List<ComposerUpdate>();
        await foreach (var update in _mocks.Composer().StreamAsync("How many enterprises are in Binhai?", ThreePassages(), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert
        var streamed = string.Concat(updates.OfType<ComposerTextDelta>().Select(d => d.Text));
        Assert.Equal("Binhai has over 220,000 enterprises [1]. It also hosts unicorns. Berlin [2].", streamed);
        Assert.True(updates.OfType<ComposerTextDelta>().Count() > 1, "the answer must arrive in pieces");
        var answer = Assert.IsType<ComposerCompleted>(updates[^1]).Answer;
        Assert.Equal(streamed, answer.Text);
        Assert.Equal(["004.txt", "002.txt"], answer.Cited.Select(p => p.Chunk.SourcePath));
        Assert.Equal(["[9]"], answer.Diagnostics.RemovedMarkers);
        Assert.False(answer.Refused);
    }

    [Fact]
    public async Task ComposeAsync_MisquotedPassage_ReportsTheQuote()
    {
        // Arrange
        _mocks.StreamReply("Binhai has over 220,000 enterprises [1]. The article says \"over 300,000 industrial enterprises\" [1].");

        // Act
        var answer = await _mocks.Composer().ComposeAsync("How many enterprises?", ThreePassages(), CancellationToken.None);

        // Assert
        Assert.Equal(["\"over 300,000 industrial enterprises\" [1]"], answer.Diagnostics.UnverifiedQuotes);
    }

    [Theory]
    [InlineData("NO_ANSWER_IN_PASSAGES")]
    [InlineData(" NO_ANSWER", "_IN_PASSAGES.")]
    public async Task StreamAsync_ModelSaysThePassagesDoNotAnswer_RefusesWithNoSourcesAndNeverShowsTheToken(params string[] pieces)
    {
        // Arrange
        _mocks.StreamReply(pieces);

        // Act
        var updates = new List<ComposerUpdate>();
        await foreach (var update in _mocks.Composer().StreamAsync("Who won the 1998 World Cup?", ThreePassages(), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert
        var answer = Assert.IsType<ComposerCompleted>(updates[^1]).Answer;
        Assert.True(answer.Refused);
        Assert.Empty(answer.Cited);
        Assert.Equal(AnswerTexts.NotCovered("en"), answer.Text);
        Assert.DoesNotContain(updates.OfType<ComposerTextDelta>(), d => d.Text.Contains("NO_ANSWER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_ProviderFailsWith500_ShortUserMessageNamingTheStatus()
    {
        // Arrange
        _mocks.StreamFailure(new HttpOperationException(HttpStatusCode.InternalServerError, "boom", "Internal error at Foo.Bar()", null));

        // Act
        var error = await Assert.ThrowsAsync<AnswerUnavailableException>(() => _mocks.Composer().ComposeAsync("How many?", ThreePassages(), CancellationToken.None));

        // Assert
        Assert.Equal("The chat model failed to answer (HTTP 500). Try again later.", error.Message);
    }

    [Fact]
    public async Task ComposeAsync_CallerCancels_CancellationPropagatesUnchanged()
    {
        // Arrange
        _mocks.StreamReply("Over 220,000 [1].");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Act + Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _mocks.Composer().ComposeAsync("How many?", ThreePassages(), cancellation.Token));
    }
    [Fact]
    public async Task StreamAsync_ModelWithOneCorrectAndOneInventedNumber_InventedOneMarkedAndNeverVerified()
    {
        // Arrange: passage 1 says 220,000; the model also invents 1.5 billion yuan of funds.
        _mocks.StreamReply("Binhai has over 220,000 ", "industrial enterprises [1]. ", "It received 1.5 billion yuan [1]", ".");

        // Act
        var updates = new List<ComposerUpdate>();
        await foreach (var update in _mocks.Composer().StreamAsync("How many enterprises are in Binhai?", ThreePassages(), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert: what streamed is what the answer says, the mark included.
        var streamed = string.Concat(updates.OfType<ComposerTextDelta>().Select(d => d.Text));
        var answer = Assert.IsType<ComposerCompleted>(updates[^1]).Answer;
        Assert.Equal("Binhai has over 220,000 industrial enterprises [1]. It received 1.5 billion yuan [1]. (unverified)", answer.Text);
        Assert.Equal(streamed, answer.Text);
        Assert.Equal(2, answer.Diagnostics.CheckedSentences);
        Assert.Equal(1, answer.Diagnostics.VerifiedSentences);
        var unverified = Assert.Single(answer.Diagnostics.UnverifiedSentences);
        Assert.Contains("1.5 billion", unverified, StringComparison.Ordinal);
        Assert.DoesNotContain("220,000", unverified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_RemoveSetting_InventedSentenceLeftOutButListed()
    {
        // Arrange
        _mocks.Settings.UnverifiedClaims = QaBot.Generation.Claims.UnverifiedClaimHandling.Remove;
        _mocks.StreamReply("Binhai has over 220,000 industrial enterprises [1]. It received 1.5 billion yuan [1].");

        // Act
        var answer = await _mocks.Composer().ComposeAsync("How many enterprises are in Binhai?", ThreePassages(), CancellationToken.None);

        // Assert
        Assert.Equal("Binhai has over 220,000 industrial enterprises [1].", answer.Text);
        Assert.Single(answer.Diagnostics.UnverifiedSentences);
    }

    [Fact]
    public async Task StreamAsync_EverySentenceFailsTheCheck_RefusesWithoutSourcesAndShowsNoneOfIt()
    {
        // Arrange
        _mocks.StreamReply("Binhai has 990,000 enterprises [1]. ", "The conference was in Paris [2].");

        // Act
        var updates = new List<ComposerUpdate>();
        await foreach (var update in _mocks.Composer().StreamAsync("How many enterprises are in Binhai?", ThreePassages(), CancellationToken.None))
        {
            updates.Add(update);
        }

        // Assert
        var answer = Assert.IsType<ComposerCompleted>(updates[^1]).Answer;
        Assert.True(answer.Refused);
        Assert.Empty(answer.Cited);
        Assert.Equal(AnswerTexts.NotCovered("en"), string.Concat(updates.OfType<ComposerTextDelta>().Select(d => d.Text)));
        Assert.Equal(2, answer.Diagnostics.UnverifiedSentences.Count);
    }
}
