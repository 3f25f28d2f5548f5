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
        Assert.All(lexicon.Pairs.Zip(read.Pairs), pairs =>
        {
            Assert.Equal(pairs.First.Starts, pairs.Second.Starts);
            Assert.Equal(pairs.First.Targets, pairs.Second.Targets);
            Assert.Equal(pairs.First.Ranks, pairs.Second.Ranks);
        });
    }

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

    private static byte[] Write(Lexicon lexicon)
    {
        using var stream = new MemoryStream();
        LexiconSerializer.Write(lexicon, stream);
        return stream.ToArray();
    }
}
