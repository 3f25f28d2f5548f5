using System.Globalization;
using System.Text;

namespace QaBot.Analysis;

/// <summary>
/// The one analyzer used for indexing and for queries (and for Qdrant's sparse vectors): Unicode NFKC and
/// case folding, Traditional-to-Simplified folding, Chinese as overlapping bigrams plus jieba's longer words in
/// the index and as jieba words in queries (so a question's concepts are words, not 的年/入是), diacritics folded,
/// stopwords and light stemming for English and German, German compounds split into lexicon words (the
/// compound kept too), numbers kept whole.
/// </summary>
/// <param name="decompounder">Splits German compounds (parts indexed beside the compound); null leaves them whole. Lazy because its lexicon is large and only German text needs it.</param>
public sealed partial class TextAnalyzer(ChineseScriptFolder chineseFolder, StopwordLists stopwords, Lazy<GermanDecompounder>? decompounder = null)
{
    /// <summary>Changes whenever the terms produced for the same text change; stored with the index.</summary>
    public const string Version = "analyzer-8";

    private static readonly Lazy<TextAnalyzer> Embedded = new(() => new TextAnalyzer(
        ChineseScriptFolder.Default, StopwordLists.Default, new Lazy<GermanDecompounder>(() => GermanDecompounder.Default)));

    public static TextAnalyzer Default => Embedded.Value;

    public StopwordLists Stopwords => stopwords;

    public static string DetectLanguage(string text) => LanguageDetector.Detect(text);

    /// <summary>NFKC, lower case, ß to ss, Traditional to Simplified. What every comparison in search starts from.</summary>
    public string Fold(string text)
    {
        // Traditional-to-Simplified folding does not depend on case, so it may come before lower-casing.
        var lower = FoldKeepingCase(text).ToLowerInvariant();
        return lower.Contains('ß', StringComparison.Ordinal) ? lower.Replace("ß", "ss", StringComparison.Ordinal) : lower;
    }

    /// <summary>
    /// NFKC and Traditional to Simplified, case and ß kept: what the translation table's lookups start from, which
    /// lower-case each word themselves but read capitals and digits as signs of a name ("NEWS.Debian", "GRUB").
    /// </summary>
    public string FoldKeepingCase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return chineseFolder.Fold(normalized);
    }

    /// <summary>Index terms of <paramref name="text"/>, in order, repeated as often as they occur.</summary>
    public IReadOnlyList<string> Analyze(string text, string language)
    {
        var terms = new List<string>();
        AddTerms(text, language, terms, isQuery: false);
        return terms;
    }

    /// <summary>The distinct content terms of a question: index terms minus question-framing words.</summary>
    public IReadOnlyList<string> AnalyzeQuery(string text, string language)
    {
        var terms = new List<string>();
        AddTerms(text, language, terms, isQuery: true);
        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The index term of one word as the index holds the word itself (stemmed, without the parts of a German
    /// compound), or null when the word is a stopword or analyzes to more or less than one term.
    /// </summary>
    public string? AnalyzeWord(string word, string language)
    {
        var terms = new List<string>(1);
        AddTerms(word, language, terms, isQuery: false, splitCompounds: false);
        return terms.Count == 1 ? terms[0] : null;
    }

    /// <summary>The analyzed form of one word or phrase, for dictionary work.</summary>
    public string AnalyzeToText(string text, string language) => string.Join(' ', Analyze(text, language));

    private void AddTerms(string text, string language, List<string> terms, bool isQuery, bool splitCompounds = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Latin words inside Chinese text ("Firefox", "the USB stick") follow English rules.
        var latinLanguage = language == Languages.German ? Languages.German : Languages.English;
        foreach (var token in Tokenizer.Tokenize(WithoutReferenceMarks(Fold(text)), language))
        {
            switch (token.Kind)
            {
                case TokenKind.Han when isQuery:
                    AddHanQueryTerms(token.Text, terms);
                    break;
                case TokenKind.Han:
                    AddHanTerms(token.Text, terms);
                    AddLongHanWords(token.Text, terms);
                    break;
                case TokenKind.Number:
                    terms.Add(token.Text);
                    break;
                default:
                    var word = RemoveDiacritics(token.Text);
                    // A lone letter is a possessive 's, an initial or a list mark, never content.
                    if (word.Length == 1 && !char.IsDigit(word[0]))
                    {
                        continue;
                    }

                    if (stopwords.IsStopword(word, latinLanguage) || (isQuery && stopwords.IsQuestionWord(word, latinLanguage)))
                    {
                        continue;
                    }

                    if (latinLanguage != Languages.German)
                    {
                        terms.Add(EnglishLightStemmer.Stem(word));
                        break;
                    }

                    var stem = GermanLightStemmer.Stem(word);
                    terms.Add(stem);
                    if (splitCompounds)
                    {
                        AddCompoundParts(word, stem, terms);
                    }

                    break;
            }
        }
    }

    /// <summary>The stemmed parts of a German compound ("protokolldateien" adds protokoll and datei), after the compound.</summary>
    private void AddCompoundParts(string word, string compoundStem, List<string> terms)
    {
        if (decompounder is null || word.Length < GermanDecompounder.MinCompoundLength || !word.All(char.IsAsciiLetterLower))
        {
            return;
        }

        foreach (var part in decompounder.Value.Split(word))
        {
            var stem = GermanLightStemmer.Stem(part);
            if (stem != compoundStem && !stopwords.IsStopword(part, Languages.German))
            {
                terms.Add(stem);
            }
        }
    }

    /// <summary>Overlapping bigrams (a lone character stays a unigram); bigrams of function characters are dropped.</summary>
    private void AddHanTerms(string run, List<string> terms)
    {
        var characters = SplitCharacters(run);
        if (characters.Count == 1)
        {
            if (!stopwords.IsChineseFunctionTerm(run))
            {
                terms.Add(run);
            }

            return;
        }

        for (var i = 0; i + 1 < characters.Count; i++)
        {
            var bigram = characters[i] + characters[i + 1];
            if (!stopwords.IsChineseFunctionTerm(bigram))
            {
                terms.Add(bigram);
            }
        }
    }

    /// <summary>
    /// A question's Chinese words. Two-character words are index bigrams already and longer ones are indexed
    /// whole (<see cref="AddLongHanWords"/>); a single character inside a longer run of a question is mostly a
    /// particle or part of a word jieba lacks, so it is searched as a term only when it is a run of its own.
    /// </summary>
    private void AddHanQueryTerms(string run, List<string> terms)
    {
        if (SplitCharacters(run).Count == 1)
        {
            AddHanTerms(run, terms);
            return;
        }

        // Characters jieba leaves single in a row are a word its dictionary lacks (a name, a rare term): they
        // are searched as the index's bigrams instead of being dropped.
        var unknown = new System.Text.StringBuilder();
        foreach (var word in ChineseWordSegmenter.Cut(run))
        {
            if (SplitCharacters(word).Count == 1 && !stopwords.IsChineseFunctionTerm(word))
            {
                unknown.Append(word);
                continue;
            }

            AddUnknownRun(unknown, terms);
            if (word.Length >= 2 && !stopwords.IsChineseFunctionTerm(word))
            {
                terms.Add(word);
            }
        }

        AddUnknownRun(unknown, terms);
    }

    private void AddUnknownRun(System.Text.StringBuilder unknown, List<string> terms)
    {
        if (unknown.Length > 0 && SplitCharacters(unknown.ToString()).Count >= 2)
        {
            AddHanTerms(unknown.ToString(), terms);
        }

        unknown.Clear();
    }

    /// <summary>
    /// jieba's words of three or more characters, indexed beside the bigrams so a query word can match whole, and
    /// its one-character content words (库, 键, 盘), which no bigram stands for: a translation into such a word
    /// ("library" -> 库) can then be found.
    /// </summary>
    private void AddLongHanWords(string run, List<string> terms)
    {
        if (run.Length < 2)
        {
            return;
        }

        foreach (var word in ChineseWordSegmenter.Cut(run))
        {
            if ((word.Length >= 3 || IsOneCharacter(word)) && !stopwords.IsChineseFunctionTerm(word))
            {
                terms.Add(word);
            }
        }
    }

    // One character, counting a surrogate pair (an ideograph outside the BMP) as one; no allocation on the ingest path.
    private static bool IsOneCharacter(string word) => word.Length == 1 || (word.Length == 2 && char.IsSurrogatePair(word, 0));

    private static List<string> SplitCharacters(string run)
    {
        var characters = new List<string>(run.Length);
        for (var i = 0; i < run.Length; i += char.IsSurrogatePair(run, i) ? 2 : 1)
        {
            characters.Add(char.IsSurrogatePair(run, i) ? run.Substring(i, 2) : run[i].ToString());
        }

        return characters;
    }

    private static string RemoveDiacritics(string word)
    {
        var isAscii = true;
        foreach (var c in word)
        {
            if (c > '\u007F')
            {
                isAscii = false;
                break;
            }
        }

        if (isAscii)
        {
            return word;
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The text with its reference marks ("[14]", footnote or citation numbers) blanked out: no content, and as a
    /// number a mark would match "Debian 14" or answer "how many".
    /// </summary>
    public static string WithoutReferenceMarks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains('[', StringComparison.Ordinal) ? ReferenceMark().Replace(text, " ") : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d{1,3}\]")]
    private static partial System.Text.RegularExpressions.Regex ReferenceMark();
}
