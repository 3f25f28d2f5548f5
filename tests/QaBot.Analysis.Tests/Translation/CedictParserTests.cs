using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class CedictParserTests
{
    [Fact]
    public void Parse_MalformedLines_SkipsAndCountsThem()
    {
        // Arrange: two good lines, three malformed ones, a comment and a blank line.
        const string text = """
            # comment
            公司 公司 [gong1 si1] /company/firm/

            no brackets here /company/
            公司 公司 [gong1 si1] no slashes
            公司 [gong1 si1] /one headword only/
            工業 工业 [gong1 ye4] /industry/
            """;

        // Act
        var result = CedictParser.Parse(new StringReader(text));

        // Assert
        Assert.Equal(3, result.SkippedLineCount);
        Assert.Equal(["公司", "工业"], result.Entries.Select(e => e.Simplified));
        Assert.Equal("gong1 si1", result.Entries[0].Pinyin);
        Assert.Equal("工業", result.Entries[1].Traditional);
    }

    [Fact]
    public void Parse_GlossWithNotesAndSynonyms_StripsNotesAndSplitsSynonyms()
    {
        var result = CedictParser.Parse(new StringReader("嗡嗡 嗡嗡 [weng1 weng1] /(onom.) buzz; drone; hum/"));

        var sense = Assert.Single(Assert.Single(result.Entries).Senses);
        Assert.Equal(["buzz", "drone", "hum"], sense);
    }

    [Fact]
    public void Parse_PointerGlosses_LeavesThemOut()
    {
        const string text = """
            個 个 [ge4] /(classifier used before a noun that has no specific classifier)/(bound form) individual/
            箇 个 [ge4] /variant of 個|个[ge4]/
            張 张 [Zhang1] /surname Zhang/
            張 张 [zhang1] /to open up/classifier for flat objects, sheet/see 張開|张开[zhang1 kai1]/
            """;

        var result = CedictParser.Parse(new StringReader(text));

        // The variant and surname lines are well-formed but have nothing to translate: neither kept nor counted.
        Assert.Equal(0, result.SkippedLineCount);
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal([["individual"]], result.Entries[0].Senses);
        Assert.Equal([["to open up"]], result.Entries[1].Senses);
    }

    [Fact]
    public void TryParseLine_NameWithDescription_AddsTheNameAlone()
    {
        var parsed = CedictParser.TryParseLine("英偉達 英伟达 [Ying1 wei3 da2] /NVIDIA, computer graphics card company/", out var entry);

        Assert.True(parsed);
        Assert.Contains("NVIDIA", entry.Senses[0]);
    }

    [Fact]
    public void TryParseLine_NameWithNoteBeforeComma_AddsTheTrimmedName()
    {
        var parsed = CedictParser.TryParseLine("特斯拉 特斯拉 [Te4 si1 la1] /Nikola Tesla (1856–1943), Serbian inventor and engineer/", out var entry);

        Assert.True(parsed);
        Assert.Contains("Nikola Tesla", entry.Senses[0]);
    }

    [Fact]
    public void TryParseLine_ProperNounWithDescriptor_AddsTheNameAlone()
    {
        var properNoun = CedictParser.TryParseLine("上海 上海 [Shang4 hai3] /Shanghai municipality (abbr. to 滬|沪[Hu4])/", out var place);
        var commonNoun = CedictParser.TryParseLine("中藥 中药 [zhong1 yao4] /Chinese medicine/", out var medicine);

        Assert.True(properNoun && commonNoun);
        Assert.Equal(["Shanghai municipality", "Shanghai"], place.Senses[0]);
        Assert.Equal(["Chinese medicine"], medicine.Senses[0]);
    }
}
