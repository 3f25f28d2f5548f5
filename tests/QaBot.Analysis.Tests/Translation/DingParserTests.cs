using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class DingParserTests
{
    [Fact]
    public void Parse_MalformedLines_SkipsAndCountsThem()
    {
        const string text = """
            # Version :: devel
            Aal {m} :: eel
            no separator on this line
            Drohne {f} | Drohnen {pl} :: drone
            Aas {n} :: carrion
            """;

        var result = DingParser.Parse(new StringReader(text));

        Assert.Equal(2, result.SkippedLineCount);
        Assert.Equal(["Aal", "Aas"], result.Entries.Select(e => e.German[0]));
    }

    [Fact]
    public void Parse_SeparatorInsideANote_DoesNotSplitTheSynonyms()
    {
        var result = DingParser.Parse(new StringReader("nach {prp; +Dat.}; hinter {prp; +Dat.} :: after; behind"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal(["nach", "hinter"], entry.German);
        Assert.Equal(["after", "behind"], entry.English);
    }

    [Fact]
    public void Parse_AnnotatedLine_StripsAnnotationsAndAlignsSenses()
    {
        const string line = "Unternehmen {n} [econ.] (Wirtschaft) | Unternehmen {pl} :: enterprise; company <firm> [Br.] | enterprises; companies";

        var result = DingParser.Parse(new StringReader(line));

        Assert.Equal(0, result.SkippedLineCount);
        Assert.Collection(
            result.Entries,
            head =>
            {
                Assert.Equal(0, head.SenseIndex);
                Assert.Equal(["Unternehmen"], head.German);
                Assert.Equal(["enterprise", "company"], head.English);
            },
            plural =>
            {
                Assert.Equal(1, plural.SenseIndex);
                Assert.Equal(["enterprises", "companies"], plural.English);
            });
    }

    [Fact]
    public void Parse_Abbreviation_BecomesASynonym()
    {
        var result = DingParser.Parse(new StringReader("künstliche Intelligenz {f} /KI/ :: artificial intelligence /AI/"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal(["künstliche Intelligenz", "KI"], entry.German);
        Assert.Equal(["artificial intelligence", "AI"], entry.English);
    }

    [Fact]
    public void Parse_NestedParentheses_RemovesTheWholeNote()
    {
        var result = DingParser.Parse(new StringReader("Aalen {n} (erdgeschichtliche (alte) Stufe) [geol.] :: Aalenian (stage (old))"));

        var entry = Assert.Single(result.Entries);
        Assert.Equal(["Aalen"], entry.German);
        Assert.Equal(["Aalenian"], entry.English);
    }
}
