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
}
