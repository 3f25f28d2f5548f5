namespace QaBot.Analysis.Tests;

public class StemmerTests
{
    [Theory]
    [InlineData("enterprises", "enterprise")]
    [InlineData("companies", "company")]
    [InlineData("models", "model")]
    [InlineData("training", "train")]
    [InlineData("trained", "train")]
    [InlineData("running", "run")]
    [InlineData("business", "business")]
    [InlineData("analysis", "analysis")]
    [InlineData("status", "status")]
    [InlineData("need", "need")]
    [InlineData("goes", "goes")]
    [InlineData("does", "does")]
    [InlineData("shoes", "shoe")]
    public void EnglishLightStemmer_Stem_RemovesOnlyLightEndings(string word, string expected)
    {
        Assert.Equal(expected, EnglishLightStemmer.Stem(word));
    }

    [Theory]
    [InlineData("banken", "bank")]
    [InlineData("modelle", "modell")]
    [InlineData("kindern", "kind")]
    [InlineData("unternehmens", "unternehm")]
    [InlineData("unternehmen", "unternehm")]
    [InlineData("ki", "ki")]
    [InlineData("preise", "preis")]
    [InlineData("prozesse", "prozess")]
    public void GermanLightStemmer_Stem_RemovesOneInflection(string word, string expected)
    {
        Assert.Equal(expected, GermanLightStemmer.Stem(word));
    }

    [Theory]
    [InlineData("aktienkurs")]
    [InlineData("aktienkurse")]
    [InlineData("aktienkursen")]
    [InlineData("aktienkurses")]
    public void GermanLightStemmer_Stem_SingularAndPluralOfAnSNoun_MeetAtOneStem(string word)
    {
        Assert.Equal("aktienkur", GermanLightStemmer.Stem(word));
    }
}
