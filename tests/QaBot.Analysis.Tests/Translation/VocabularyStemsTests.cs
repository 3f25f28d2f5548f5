using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class VocabularyStemsTests
{
    [Theory]
    [InlineData("enterprises", "enterprise")]
    [InlineData("studies", "study")]
    [InlineData("ties", "ty")]
    [InlineData("running", "run")]
    [InlineData("unternehmens", "unternehm")]
    [InlineData("größeren", "gross")]
    [InlineData("übung", "ubung")]
    public void MayYield_InflectedWordOfTheTerm_IsTrue(string word, string term)
    {
        Assert.True(new VocabularyStems([term]).MayYield(word));
    }

    [Theory]
    [InlineData("buzz", "drone")]
    [InlineData("dronesystemkomponenten", "drone")]
    [InlineData("ai", "aid")]
    public void MayYield_WordThatCannotStemToTheTerm_IsFalse(string word, string term)
    {
        Assert.False(new VocabularyStems([term]).MayYield(word));
    }

    [Fact]
    public void MayYield_WordWithDigits_IsNeverRuledOut()
    {
        Assert.True(new VocabularyStems(["drone"]).MayYield("gpt-4"));
    }

    [Fact]
    public void MayYield_EveryShippedWordAndItsIndexTerm_IsTrue()
    {
        // The prefilter must never drop what the real analyzer would keep: check it on every word of the lexicon.
        var lexicon = EmbeddedDictionaries.LoadBilingualDictionary().Lexicon;
        var analyzer = TextAnalyzer.Default;
        var missed = new List<string>();
        foreach (var language in (string[])[Languages.English, Languages.German])
        {
            var words = lexicon.Pool(language)
                .SelectMany(phrase => phrase.Split([' ', '-', '/', '\''], StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal);
            foreach (var word in words)
            {
                var terms = analyzer.Analyze(word, language);
                if (terms.Count > 0 && !new VocabularyStems(terms).MayYield(word))
                {
                    missed.Add($"{language}:{word}->{string.Join(' ', terms)}");
                }
            }
        }

        Assert.Empty(missed.Take(20));
    }
}
