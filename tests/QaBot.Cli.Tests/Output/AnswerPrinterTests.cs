using QaBot.Cli.Output;
using QaBot.Core;

namespace QaBot.Cli.Tests.Output;

public sealed class AnswerPrinterTests
{
    [Fact]
    public void Format_CoveredAnswer_TextThenSourcesAsNumberFileLinesAndTitle()
    {
        // Act
        var text = AnswerPrinter.Format(Answers.Covered());

        // Assert
        Assert.Equal(
            "There are over 220,000 industrial enterprises. [1]\n\nSources:\n  [1] 004_f9dad41751f58670.txt:1 — 当AI寻找场景\n(extractive answer: sentences quoted from the documents, no language model configured, 12 ms)",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Format_SeveralCitations_OneLinePerSourceInNumberOrder()
    {
        // Arrange
        var answer = Answers.Covered() with
        {
            Citations = [new Citation(1, "a/b.md", 3, 7, "First"), new Citation(2, "c.txt", 10, 10, "Second")],
            AnsweredBy = "openai:gpt-4o",
        };

        // Act
        var lines = AnswerPrinter.Format(answer).ReplaceLineEndings("\n").Split('\n');

        // Assert
        Assert.Equal(["  [1] a/b.md:3-7 — First", "  [2] c.txt:10 — Second", "(answered by openai:gpt-4o, 12 ms)"], lines[^3..]);
    }

    [Fact]
    public void Format_GermanQuestionWithAGlossedQuote_GlossThenSourcesThenFooterInGerman()
    {
        // Arrange
        var answer = Answers.Covered("„Die Kurse stiegen.“ [1]") with
        {
            Language = "de",
            Glosses = [new WordGloss(1, [new GlossPair("股价", "Aktienkurs")])],
        };

        // Act
        var text = AnswerPrinter.Format(answer).ReplaceLineEndings("\n");

        // Assert
        Assert.Equal(
            "„Die Kurse stiegen.“ [1]\n\nWortglosse (Wörterbuch, keine Übersetzung):\n  [1] 股价 = Aktienkurs\n\nQuellen:\n  [1] 004_f9dad41751f58670.txt:1 — 当AI寻找场景\n(Extraktive Antwort: wörtlich zitierte Sätze aus den Dokumenten, kein Sprachmodell konfiguriert, 12 ms)",
            text);
    }

    [Theory]
    [InlineData("zh", "来源:", "(摘录式回答")]
    [InlineData("en", "Sources:", "(extractive answer")]
    public void Format_QuestionLanguage_LabelsAndFooterInIt(string language, string sourcesLabel, string footerStart)
    {
        var lines = AnswerPrinter.Format(Answers.Covered() with { Language = language }).ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(sourcesLabel, lines[2]);
        Assert.StartsWith(footerStart, lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("zh")]
    public void Format_SameAnswerInTheReplAndOnDiscord_SameTextGlossesAndSourcesInTheSameOrder(string language)
    {
        // Arrange
        var answer = Answers.Covered("“Die Kurse stiegen.” [1] They tripled in 2031 [2]. (unverified)") with
        {
            Language = language,
            Citations = [new Citation(1, "b.txt", 4, 4, "Börse") { HeadingPath = ["2.1 Kurse"] }, new Citation(2, "c.txt", 7, 9, "Markt")],
            Glosses = [new WordGloss(1, [new GlossPair("Kurse", "prices"), new GlossPair("stiegen", "rose")])],
        };
        var layout = AnswerLayout.For(answer);

        // Act
        var repl = AnswerPrinter.Format(answer).ReplaceLineEndings("\n");
        var discord = string.Join("\n", QaBot.DiscordBot.AnswerFormatter.Format(answer));

        // Assert: both show every part of the layout, in its order.
        string[] parts = [layout.Text, layout.GlossHeading, .. layout.GlossLines, layout.SourcesHeading, "b.txt:4", "(§2.1 \"Kurse\") — Börse", "c.txt:7-9", "— Markt"];
        foreach (var shown in new[] { repl, discord })
        {
            var positions = parts.Select(p => shown.IndexOf(p, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Fact]
    public void Format_Refusal_NoSourcesSection()
    {
        // Act
        var text = AnswerPrinter.Format(Answers.Refused("  Not covered.  "));

        // Assert
        Assert.Equal("Not covered.\n(extractive answer: sentences quoted from the documents, no language model configured, 3 ms)", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FormatSources_RetrievedPassages_RankCitationTitleSectionAndIndentedText()
    {
        // Act
        var text = AnswerPrinter.FormatSources(Answers.Covered()).ReplaceLineEndings("\n");

        // Assert
        Assert.Equal(
            "#1 004_f9dad41751f58670.txt:1 — 当AI寻找场景 › Group 1\n    Over 220,000 industrial enterprises.\n    Second line.\n\n#2 000_bace5807803ee532.txt:30-32 — The commercialization dilemma\n    Patient capital.",
            text);
    }

    [Fact]
    public void FormatSources_NothingRetrieved_SaysSo()
    {
        // Act / Assert
        Assert.Equal("No passages were retrieved.", AnswerPrinter.FormatSources(Answers.Refused()));
    }

    [Fact]
    public void FormatDebug_Answer_QueriesFusedRanksAndCoverage()
    {
        // Act
        var lines = AnswerPrinter.FormatDebug(Answers.Covered()).ReplaceLineEndings("\n").Split('\n');

        // Assert
        Assert.Equal("retrieval 4.5 ms, answer 12.0 ms, by extractive", lines[0]);
        Assert.Contains("query original [en]: industri enterpris", lines);
        Assert.Contains("    rank  1  bm25  12.500  004_f9dad41751f58670.txt:1-1", lines);
        Assert.Contains("  #1 0.5000 004_f9dad41751f58670.txt:1  <- original #1 (3.25)", lines);
        Assert.Contains("coverage 0.75 of 4 content terms; answerability 0.82; relevant: True", lines);
        Assert.Contains("gate: joint_coverage 0.75", lines);
        Assert.Contains("  matched: industri enterpris binhai", lines);
        Assert.Equal("  missing: guangdong", lines[^1]);
    }

    [Fact]
    public void Citation_ToString_IsTheSourceLineFormat()
    {
        // Act / Assert
        Assert.Equal("[3] news/x.html:12-40 — A title", new Citation(3, "news/x.html", 12, 40, "A title").ToString());
    }

    [Fact]
    public void Format_CitationOfPartOfALineInASection_ColumnsAndSection()
    {
        // Arrange
        var citation = new Citation(1, "faq-en-11.html", 7, 7, "Debian FAQ") { StartColumn = 120, EndColumn = 480, HeadingPath = ["11 Customizing", "11.4 How do I…"] };
        var answer = Answers.Covered() with { Citations = [citation] };

        // Act
        var lines = AnswerPrinter.Format(answer).ReplaceLineEndings("\n").Split('\n');

        // Assert
        Assert.Contains("  [1] faq-en-11.html:7:120-7:480 (§11.4 \"How do I…\") — Debian FAQ", lines);
    }
}
