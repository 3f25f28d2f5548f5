using System.IO.Compression;

namespace QaBot.Analysis.Tests;

public sealed class GermanDecompounderTests
{
    private readonly GermanDecompounder _decompounder = new(["log", "datei", "dateien", "protokoll", "arbeit", "speicher", "block", "gerat"]);

    [Theory]
    [InlineData("logdatei", "log|datei")]
    [InlineData("protokolldateien", "protokoll|dateien")]
    [InlineData("arbeitsspeicher", "arbeit|speicher")]
    [InlineData("blockgerate", "block|gerate")]
    [InlineData("protokollblockgerat", "protokoll|block|gerat")]
    public void Split_CompoundOfLexiconWords_ReturnsItsParts(string word, string expected)
    {
        Assert.Equal(expected.Split('|'), _decompounder.Split(word));
    }

    [Theory]
    [InlineData("datei")]
    [InlineData("logbuchdatei")]
    [InlineData("verbindung")]
    public void Split_WordThatIsNoCompoundOfLexiconWords_ReturnsNothing(string word)
    {
        Assert.Empty(_decompounder.Split(word));
    }

    [Fact]
    public void ReadDingWords_DingLines_YieldsFoldedSingleWordFormsWithoutAnnotations()
    {
        using var reader = new StringReader("# comment\nGerät {n} [comp.] | Geräte {pl} :: device | devices\nin der Größe :: in size\nGröße {f} (Maß) :: size\n");

        var words = GermanDecompounder.ReadDingWords(reader, StopwordLists.Default).ToList();

        Assert.Equal(["gerat", "gerate", "grosse"], words);
    }

    [Theory]
    [InlineData("Größe", "grosse")]
    [InlineData("Gerät", "gerat")]
    [InlineData("Protokoll", "protokoll")]
    public void FoldWord_Word_LowerCaseSharpSAsSsWithoutDiacritics(string word, string expected)
    {
        Assert.Equal(expected, GermanDecompounder.FoldWord(word));
    }

    [Fact]
    public void FoldWord_AnyTwoLatinCharacters_FoldsAsNormalizingTheWholeWordDoes()
    {
        // Words of Latin-1 and Latin Extended-A characters fold by a table of single characters: exact only if no
        // two characters fold differently together than apart.
        var mismatches = new List<string>();
        for (var first = 1; first <= 0x17F && mismatches.Count < 5; first++)
        {
            for (var second = 1; second <= 0x17F; second++)
            {
                var word = new string([(char)first, (char)second, 'ä']);
                if (GermanDecompounder.FoldWord(word) != GermanDecompounder.FoldDecomposing(word))
                {
                    mismatches.Add(word);
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void CompileWords_EmbeddedDing_MatchesTheShippedWordList()
    {
        // Fails when the Ding file or ReadDingWords changed without rerunning tools/dictionaries/compile.
        using var compiled = new MemoryStream();
        GermanDecompounder.CompileWords(compiled);

        using var shipped = new MemoryStream();
        using (var gzip = new GZipStream(
            typeof(GermanDecompounder).Assembly.GetManifestResourceStream(GermanDecompounder.WordsResource)!,
            CompressionMode.Decompress))
        {
            gzip.CopyTo(shipped);
        }

        Assert.True(compiled.ToArray().AsSpan().SequenceEqual(shipped.ToArray()), "de-compound-words.txt.gz is stale: run tools/dictionaries/compile");
    }
}
