using Moq;
using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Core;
using static QaBot.Answering.Tests.Passages;

namespace QaBot.Answering.Tests;

public sealed class ExtractiveGlossTests
{
    [Fact]
    public async Task ComposeAsync_EnglishQuestionGermanQuote_GlossesItsKeyTermsInEnglish()
    {
        // Arrange
        var table = SmallTranslationTable.Build(("Die Aktienkurse stiegen.", "de"), ("share prices rose", "en"));
        var composer = new ExtractiveAnswerComposer(TextAnalyzer.Default, Provider(table));
        var passage = Passage(1, "de.txt", 3, 3, "Die Aktienkurse stiegen im Jahr 2023 um 239 Prozent.", language: "de");
        var concepts = new[]
        {
            new QuestionConcept("share", [["share"], ["aktienkurs"]], 3.0),
            new QuestionConcept("rise", [["rise"], ["stieg"]], 2.0),
        };

        // Act
        var composed = await composer.ComposeAsync("By how much did share prices rise in 2023?", Result(true, [passage]) with { Concepts = concepts }, CancellationToken.None);

        // Assert: the quote stays German and exact; the gloss is separate data, numbered like the quote.
        Assert.Equal("“Die Aktienkurse stiegen im Jahr 2023 um 239 Prozent.” [1]", composed.Text);
        var gloss = Assert.Single(composed.Glosses);
        Assert.Equal(1, gloss.Number);
        Assert.Contains(gloss.Pairs, p => p.Term == "aktienkurse" && p.Gloss.StartsWith("share price", StringComparison.Ordinal));
        Assert.Contains(gloss.Pairs, p => p.Term == "stiegen" && p.Gloss == "rose");
    }

    [Fact]
    public async Task ComposeAsync_QuoteInTheQuestionsLanguage_NoGloss()
    {
        // Arrange
        var provider = new Mock<ITranslationTableProvider>(MockBehavior.Strict);
        var composer = new ExtractiveAnswerComposer(TextAnalyzer.Default, provider.Object);
        var passage = Passage(1, "en.txt", 3, 3, "Share prices rose by 239 percent in 2023.");

        // Act
        var composed = await composer.ComposeAsync("By how much did share prices rise?", Result(true, [passage], TextAnalyzer.Default.AnalyzeQuery("By how much did share prices rise?", "en")), CancellationToken.None);

        // Assert: the table is not even loaded.
        Assert.Empty(composed.Glosses);
        provider.Verify(p => p.GetAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Format_TwoPairs_SeparatedByMiddleDots()
    {
        var gloss = new WordGloss(2, [new GlossPair("Aktienkurse", "share prices"), new GlossPair("stiegen", "rose")]);

        Assert.Equal("[2] Aktienkurse = share prices · stiegen = rose", gloss.Format());
    }

    private static ITranslationTableProvider Provider(TranslationTable table)
    {
        var provider = new Mock<ITranslationTableProvider>();
        provider.Setup(p => p.GetAsync(It.IsAny<CancellationToken>())).ReturnsAsync(table);
        return provider.Object;
    }
}
