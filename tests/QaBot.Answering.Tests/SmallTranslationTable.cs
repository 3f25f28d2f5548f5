using QaBot.Analysis;
using QaBot.Analysis.Translation;

namespace QaBot.Answering.Tests;

/// <summary>A translation table built from a few dictionary lines and a few sentences standing for the collection.</summary>
internal static class SmallTranslationTable
{
    public const string Ding = """
        Aktienkurs {m} | Aktienkurse {pl} :: share price | share prices
        steigen {vi} | stiegen :: rise | rose
        """;

    public static TranslationTable Build(params (string Text, string Language)[] collection)
    {
        var dictionary = BilingualDictionary.Create([], DingParser.Parse(new StringReader(Ding)).Entries, []);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, language) in collection)
        {
            foreach (var term in TextAnalyzer.Default.Analyze(text, language).Distinct(StringComparer.Ordinal))
            {
                vocabulary[term] = vocabulary.GetValueOrDefault(term) + 1;
            }
        }

        return new TranslationTableBuilder(dictionary).Build(TextAnalyzer.Default.Analyze, vocabulary, collection.Select(c => c.Language).Distinct().ToList());
    }
}
