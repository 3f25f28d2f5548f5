using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class LexiconSerializerTests
{
    [Fact]
    public void Read_WrittenLexicon_RoundTrips()
    {
        var lexicon = TestDictionaries.Create().Lexicon;

        var read = LexiconSerializer.Read(Write(lexicon));

        foreach (var language in Languages.All)
        {
            Assert.Equal(lexicon.Pool(language), read.Pool(language));
        }

        Assert.Equal(lexicon.Pairs.Select(p => (p.From, p.To)), read.Pairs.Select(p => (p.From, p.To)));
        Assert.All(lexicon.Pairs.Zip(read.Pairs), pairs => Assert.True(SamePair(pairs.First, pairs.Second)));
    }

    [Fact]
    public void Read_PoolOfSeveralSections_RoundTrips()
    {
        // More phrases than one section holds: the pool is written and read back in parts, on several threads.
        var english = Enumerable.Range(0, LexiconSerializer.PhrasesPerSection + 1000).Select(i => $"phrase {i:D6}").ToArray();
        string[] german = ["ausdruck", "satz", "wort"];
        var starts = Enumerable.Range(0, english.Length + 1).ToArray();
        var targets = Enumerable.Range(0, english.Length).Select(i => i % german.Length).ToArray();
        var ranks = Enumerable.Range(0, english.Length).Select(i => i % 5).ToArray();
        var lexicon = new Lexicon([english, german, []], [new LexiconPair(Languages.English, Languages.German, starts, targets, ranks)]);

        var read = LexiconSerializer.Read(Write(lexicon));

        Assert.Equal(english, read.Pool(Languages.English));
        Assert.Equal(german, read.Pool(Languages.German));
        Assert.Empty(read.Pool(Languages.Chinese));
        Assert.True(SamePair(lexicon.Pairs[0], read.Pairs[0]));
    }

    [Theory]
    [InlineData("xx", 0)] // a language QaBot does not know
    [InlineData("en", 3)] // a target id beyond the target pool
    public void Read_PairNotMatchingThePools_ThrowsInvalidData(string from, int target)
    {
        var lexicon = new Lexicon([["phrase"], ["wort", "satz"], []], [new LexiconPair(from, Languages.German, [0, 1], [target], [0])]);

        Assert.Throws<InvalidDataException>(() => LexiconSerializer.Read(Write(lexicon)));
    }

    internal static bool SamePair(LexiconPair expected, LexiconPair actual) =>
        expected.From == actual.From && expected.To == actual.To
        && expected.Starts.AsSpan().SequenceEqual(actual.Starts)
        && expected.Targets.AsSpan().SequenceEqual(actual.Targets)
        && expected.Ranks.AsSpan().SequenceEqual(actual.Ranks);

    [Fact]
    public void Read_OtherMagic_ThrowsInvalidData()
    {
        var bytes = Write(TestDictionaries.Create().Lexicon);
        bytes[0] = (byte)'X';

        Assert.Throws<InvalidDataException>(() => LexiconSerializer.Read(bytes));
    }

    [Fact]
    public void Read_TruncatedBytes_ThrowsInvalidData()
    {
        var bytes = Write(TestDictionaries.Create().Lexicon);

        Assert.Throws<InvalidDataException>(() => LexiconSerializer.Read(bytes[..(bytes.Length / 2)]));
    }

    [Fact]
    public void Read_CorruptSection_ThrowsInvalidData()
    {
        var bytes = Write(TestDictionaries.Create().Lexicon);
        // The last section is a pair's: its compressed bytes no longer inflate to what the header says.
        bytes.AsSpan(bytes.Length - 8).Fill(0xFF);

        Assert.Throws<InvalidDataException>(() => LexiconSerializer.Read(bytes));
    }

    private static byte[] Write(Lexicon lexicon)
    {
        using var stream = new MemoryStream();
        LexiconSerializer.Write(lexicon, stream);
        return stream.ToArray();
    }
}
