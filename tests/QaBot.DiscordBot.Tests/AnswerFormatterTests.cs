using QaBot.Core;

namespace QaBot.DiscordBot.Tests;

public sealed class AnswerFormatterTests
{
    [Fact]
    public void Format_WithCitations_AppendsCompactSourceList()
    {
        var answer = FakeAnswerService.Create(
            "Chunks overlap [1] and are embedded [2].",
            new Citation(1, "a.md", 1, 5, "Chunking"),
            new Citation(2, "b.md", 10, 12, "Embeddings"));

        var message = Assert.Single(AnswerFormatter.Format(answer));

        Assert.Equal("Chunks overlap [1] and are embedded [2].\n\n**Sources**\n[1] `a.md:1-5` — Chunking\n[2] `b.md:10-12` — Embeddings", message);
    }

    [Fact]
    public void Format_CitationOfPartOfALineInASection_ColumnsAndSectionAsTheCliShowsThem()
    {
        var answer = FakeAnswerService.Create(
            "Run dpkg-reconfigure [1].",
            new Citation(1, "faq-en-11.html", 7, 7, "Debian FAQ") { StartColumn = 120, EndColumn = 480, HeadingPath = ["11 Customizing", "11.4 How do I…"] });

        var message = Assert.Single(AnswerFormatter.Format(answer));

        Assert.EndsWith("\n[1] `faq-en-11.html:7:120-7:480` (§11.4 \"How do I…\") — Debian FAQ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Refused_HasNoSources()
    {
        var answer = FakeAnswerService.Create("I don't know.", new Citation(1, "a.md", 1, 5, "Chunking")) with { Refused = true };

        var message = Assert.Single(AnswerFormatter.Format(answer));

        Assert.Equal("I don't know.", message);
    }

    [Fact]
    public void Format_GermanAnswerWithGlossAndUnverifiedSentence_GlossAndSourcesUnderGermanHeadingsAfterTheMarkedText()
    {
        var answer = FakeAnswerService.Create(
            "„Die Kurse stiegen.“ [1] Sie verdoppelten sich 2031 [1]. (nicht belegt)",
            new Citation(1, "b.txt", 4, 4, "Börse") { HeadingPath = ["Märkte", "2.1 Kurse"] }) with
        {
            Language = "de",
            Glosses = [new WordGloss(1, [new GlossPair("股价", "Aktienkurs"), new GlossPair("上涨", "steigen")])],
        };

        var message = Assert.Single(AnswerFormatter.Format(answer));

        Assert.Equal(
            "„Die Kurse stiegen.“ [1] Sie verdoppelten sich 2031 [1]. (nicht belegt)\n\n**Wortglosse (Wörterbuch, keine Übersetzung)**\n[1] 股价 = Aktienkurs · 上涨 = steigen"
            + "\n\n**Quellen**\n[1] `b.txt:4` (§2.1 \"Kurse\") — Börse",
            message);
    }
}
