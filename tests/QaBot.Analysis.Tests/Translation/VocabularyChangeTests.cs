using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class VocabularyChangeTests
{
    private static readonly Dictionary<string, int> Before = new(StringComparer.Ordinal)
    {
        ["protokoll"] = 2, ["utility"] = 1, ["软件"] = 3, ["paket"] = 5, ["gone"] = 1, ["100000"] = 1,
    };

    private static readonly Dictionary<string, int> After = new(StringComparer.Ordinal)
    {
        ["protokoll"] = 3, ["utility"] = 2, ["软件"] = 4, ["paket"] = 5, ["new"] = 1, ["100000"] = 2, ["1.5"] = 1,
    };

    [Fact]
    public void Between_TwoVocabularies_ListsChangedAddedAndRemovedTerms()
    {
        var change = VocabularyChange.Between(Before, After, TextAnalyzer.Default.Fold);

        Assert.Equal(["1.5", "100000", "gone", "new", "protokoll", "utility", "软件"], change.Terms);
    }

    [Theory]
    [InlineData("Protokolldateien", Languages.German, true)] // a compound's part
    [InlineData("utilities", Languages.English, true)] // -ies of a term in -y
    [InlineData("軟件", Languages.Chinese, true)] // Traditional spelling of a changed term
    [InlineData("pro 100.000 Einwohner", Languages.German, true)] // the tokenizer drops the group separator: the term is 100000
    [InlineData("Paketverwaltung", Languages.German, false)] // its terms kept their frequency
    [InlineData("网络", Languages.Chinese, false)]
    [InlineData("network card", Languages.English, false)]
    [InlineData("renewal", Languages.English, false)] // "new" inside an English word is no term of it
    [InlineData("newness", Languages.English, false)] // ... nor "new" at its start: its stem is newness
    [InlineData("Erneuerung news", Languages.English, true)] // its stem is new
    [InlineData("new网", Languages.Chinese, true)] // a Latin word ends where Han text begins
    [InlineData("新new", Languages.Chinese, true)] // a Latin word begins where Han text ends
    [InlineData("Neuigkeitsnewsletter", Languages.German, true)] // German splits compounds anywhere
    [InlineData("1,5 Liter", Languages.German, true)] // a decimal comma: the term is 1.5
    public void MayAffect_Target_SaysWhetherItMayAnalyzeToAChangedTerm(string target, string language, bool expected)
    {
        var change = VocabularyChange.Between(Before, After, TextAnalyzer.Default.Fold);

        Assert.Equal(expected, change.MayAffect(target, language));
    }

    [Fact]
    public void Affected_Pool_SaysForEachPhraseWhatMayAffectSays()
    {
        var change = VocabularyChange.Between(Before, After, TextAnalyzer.Default.Fold);
        string[] pool = ["Paketverwaltung", "Protokolldateien", "网络", "軟件", "pro 100.000 Einwohner", "1.000", "utilities", "two\nlines new", "Größe", "new", "renewal"];

        var affected = change.Affected(pool, Languages.English);

        Assert.Equal(pool.Select(p => change.MayAffect(p, Languages.English)), affected);
        // Read as English: "Protokolldateien" is one word, whose stem is no changed term.
        Assert.Equal([false, false, false, true, true, false, true, true, false, true, false], affected);
    }

    [Theory]
    [InlineData(Languages.English)]
    [InlineData(Languages.Chinese)]
    [InlineData(Languages.German)]
    public void Affected_ShippedLexiconPhrases_FindsEveryTermTheAnalyzerGivesThem(string language)
    {
        // What Affected rests on, checked against the analyzer on the shipped phrases: whatever term of a phrase
        // changed, the phrase is found.
        var analyzer = TextAnalyzer.Default;
        var pool = EmbeddedDictionaries.LoadBilingualDictionary().Lexicon.Pool(language);
        var missed = new List<string>();
        for (var id = 0; id < pool.Length && missed.Count < 5; id += 23)
        {
            // An empty term (a lone combining accent, "´") is no index term: nothing to find.
            foreach (var term in analyzer.Analyze(pool[id], language).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
            {
                var change = VocabularyChange.Between(new Dictionary<string, int>(), new Dictionary<string, int> { [term] = 1 }, analyzer.Fold);
                if (!change.Affected([pool[id]], language)[0])
                {
                    missed.Add($"{pool[id]} -> {term}");
                }
            }
        }

        Assert.Empty(missed);
    }

    [Fact]
    public void MayAffect_LatinWordGoingOnInAnotherScript_IsTheWholeWordsTerm()
    {
        // The tokenizer reads "pixelשלום" as one word, whose term is all of it, not the stem of "pixel".
        var term = TextAnalyzer.Default.Analyze("pixelשלום", Languages.English).Single();
        var change = VocabularyChange.Between(new Dictionary<string, int>(), new Dictionary<string, int> { [term] = 1 }, TextAnalyzer.Default.Fold);

        Assert.True(change.MayAffect("pixelשלום", Languages.English));
    }

    [Theory]
    [InlineData("Dosis 1.000,5 mg", Languages.German)] // a group and a decimal separator: the term is 1000.5
    [InlineData("dose 1,000.5 mg", Languages.English)]
    [InlineData("1.5kg", Languages.English, "kg")] // a unit glued to a decimal number is a word of its own
    [InlineData("\u0903news", Languages.English, "new")] // a spacing mark the analyzer drops
    [InlineData("tables\u093E", Languages.English, "table")]
    public void MayAffect_TermTheAnalyzerGives_IsFound(string target, string language, string? term = null)
    {
        term ??= "1000.5";
        Assert.Contains(term, TextAnalyzer.Default.Analyze(target, language));
        var change = VocabularyChange.Between(new Dictionary<string, int>(), new Dictionary<string, int> { [term] = 1 }, TextAnalyzer.Default.Fold);

        Assert.True(change.MayAffect(target, language));
    }

    [Fact]
    public void MayAffect_NothingChanged_IsFalseForEveryTarget()
    {
        var change = VocabularyChange.Between(Before, Before, TextAnalyzer.Default.Fold);

        Assert.Empty(change.Terms);
        Assert.False(change.MayAffect("Protokolldateien", Languages.German));
    }
}
