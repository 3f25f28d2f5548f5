using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Retrieval;

/// <summary>
/// The content of a question as concepts: each content term of the question with the forms that stand for it
/// (itself, and the analyzed terms of each of its translations), weighted by its rarity in the collection.
/// </summary>
public sealed record QuestionConcepts(IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Forms, IReadOnlyDictionary<string, double> Weights)
{
    public static QuestionConcepts None { get; } = new(new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(), new Dictionary<string, double>());
}

/// <summary>One sentence of a passage and its index terms.</summary>
public sealed record SentenceTerms(string Text, HashSet<string> Terms);

/// <summary>A passage's index terms (with its title's and its language's name) and those of each of its sentences.</summary>
public sealed record PassageTerms(HashSet<string> All, IReadOnlyList<SentenceTerms> Sentences);

/// <summary>How much of a question one passage holds.</summary>
public sealed record Coverage(double Share, IReadOnlyList<string> Matched, IReadOnlyList<string> Missing);

/// <summary>
/// Measures how much of a question a passage accounts for: the share of the question's concepts, weighted by
/// rarity (BM25's IDF), that the passage contains as asked or through a translation. It is comparable across
/// languages, unlike raw BM25 scores, so it reranks the fused candidates and decides whether the collection
/// covers the question at all: translation raises the scores of unrelated text (a word's other sense in the target language), while a
/// missing rare concept (a name the collection never mentions) is what shows a question is not covered.
/// </summary>
public sealed class CoverageAssessor(TextAnalyzer analyzer, LanguageTags languageTags)
{
    /// <summary>The concepts of a question and every term whose chunk frequency is needed to weigh them.</summary>
    public (Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> Forms, HashSet<string> Terms) Forms(
        IReadOnlyList<string> questionTerms, string language, IReadOnlyList<QueryTranslation> translations)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        ArgumentNullException.ThrowIfNull(translations);
        var forms = questionTerms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => new List<IReadOnlyList<string>> { new[] { t } }, StringComparer.Ordinal);
        foreach (var translation in translations)
        {
            foreach (var phrase in translation.Phrases)
            {
                var targets = phrase.Targets
                    .Select(target => (IReadOnlyList<string>)analyzer.Analyze(target, translation.Language))
                    .Where(terms => terms.Count > 0)
                    .SelectMany(WithHead)
                    .ToList();
                foreach (var term in analyzer.AnalyzeQuery(phrase.Source, language))
                {
                    if (forms.TryGetValue(term, out var list))
                    {
                        list.AddRange(targets);
                        continue;
                    }

                    // A part of a German compound ("datei" of "logdatei") lends its translations to the compound.
                    foreach (var (concept, conceptForms) in forms)
                    {
                        if (term.Length >= 4 && concept.Length > term.Length && concept.Contains(term, StringComparison.Ordinal))
                        {
                            conceptForms.AddRange(targets);
                        }
                    }
                }
            }
        }

        var terms = forms.Values.SelectMany(list => list).SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
        return (forms.ToDictionary(p => p.Key, p => (IReadOnlyList<IReadOnlyList<string>>)p.Value, StringComparer.Ordinal), terms);
    }

    // A translation of several words also counts by its last word, the head of an English, German or Chinese noun
    // phrase ("character encoding" by "encoding"): a passage often names the thing without the qualifier. A generic
    // head is frequent, so it lowers the concept's weight (see Weigh) rather than making unrelated text cover it.
    private static IEnumerable<IReadOnlyList<string>> WithHead(IReadOnlyList<string> terms)
    {
        yield return terms;
        if (terms.Count > 1)
        {
            yield return [terms[^1]];
        }
    }

    /// <summary>Weighs each concept as informative as its most common form: a translation can only lower its weight.</summary>
    public static QuestionConcepts Weigh(
        IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> forms, IReadOnlyDictionary<string, int> chunkFrequencies, int chunkCount)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(chunkFrequencies);
        var frequency = forms.ToDictionary(p => p.Key, p => p.Value.Max(form => form.Min(t => chunkFrequencies.GetValueOrDefault(t))), StringComparer.Ordinal);
        var kept = forms
            .Where(p => !IsWordBoundaryArtifact(p.Key, frequency))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var weights = kept.ToDictionary(p => p.Key, p => InverseDocumentFrequency(frequency[p.Key], chunkCount), StringComparer.Ordinal);
        return new QuestionConcepts(kept, weights);
    }

    /// <summary>
    /// Overlapping bigrams also pair the last character of one Chinese word with the first of the next (公司的 gives
    /// 司的). Such a bigram is absent from the collection while a neighbour that shares one of its characters is
    /// present; a word that is really missing (a name the collection lacks) has no present neighbour, and stays.
    /// </summary>
    private static bool IsWordBoundaryArtifact(string concept, IReadOnlyDictionary<string, int> frequency)
    {
        if (concept.Length != 2 || !Tokenizer.IsHan(concept, 0) || !Tokenizer.IsHan(concept, 1) || frequency[concept] > 0)
        {
            return false;
        }

        return frequency.Any(p => p.Value > 0 && p.Key.Length == 2 && Tokenizer.IsHan(p.Key, 0)
            && (p.Key[1] == concept[0] || p.Key[0] == concept[1]));
    }

    /// <summary>The index terms of a passage, with its title's and its language's name.</summary>
    public HashSet<string> TermsOf(Chunk passage) => Analyze(passage).All;

    /// <summary>
    /// The index terms of a passage sentence by sentence, and all of them with its title's and its language's
    /// name: the text is analyzed once, per sentence, for both.
    /// </summary>
    public PassageTerms Analyze(Chunk passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var sentences = SentenceSplitter.SplitSpans(passage.Text)
            .Select(span => passage.Text.Substring(span.Start, span.Length))
            .Select(sentence => new SentenceTerms(sentence, analyzer.Analyze(sentence, passage.Language).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var all = sentences.SelectMany(s => s.Terms)
            .Concat(analyzer.Analyze(passage.Title, TextAnalyzer.DetectLanguage(passage.Title)))
            .Concat(languageTags.TermsFor(passage.Language, passage.Text))
            .ToHashSet(StringComparer.Ordinal);
        return new PassageTerms(all, sentences);
    }

    public static Coverage Measure(QuestionConcepts concepts, HashSet<string> passageTerms)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(passageTerms);
        var matched = new List<string>();
        var missing = new List<string>();
        double matchedWeight = 0;
        double totalWeight = 0;
        foreach (var (concept, forms) in concepts.Forms)
        {
            var weight = concepts.Weights[concept];
            totalWeight += weight;
            if (forms.Any(form => form.All(passageTerms.Contains)))
            {
                matchedWeight += weight;
                matched.Add(concept);
            }
            else
            {
                missing.Add(concept);
            }
        }

        return new Coverage(totalWeight > 0 ? matchedWeight / totalWeight : 0, matched, missing);
    }

    /// <summary>
    /// BM25's IDF. A term absent from the collection counts as half an occurrence, so it weighs more than any
    /// term the collection has: nothing says more clearly that a question is about something else.
    /// </summary>
    public static double InverseDocumentFrequency(int chunkFrequency, int chunkCount)
    {
        var frequency = chunkFrequency > 0 ? chunkFrequency : 0.5;
        return Math.Log(1 + ((Math.Max(chunkCount, frequency) - frequency + 0.5) / (frequency + 0.5)));
    }
}
