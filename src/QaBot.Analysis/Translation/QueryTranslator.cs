using System.Text.RegularExpressions;

namespace QaBot.Analysis.Translation;

/// <summary>Translates one question through a <see cref="TranslationTable"/>; see <see cref="TranslationTable.Translate"/>.</summary>
internal sealed partial class QueryTranslator(TranslationTable table, string fromLanguage, string toLanguage, int longestChineseKey)
{
    private readonly List<PhraseTranslation> _phrases = [];
    private readonly List<string> _output = [];

    public TranslatedQuery Translate(string question)
    {
        var words = new List<Word>();
        foreach (Match match in Token().Matches(question))
        {
            if (match.Groups["han"].Success)
            {
                FlushWords(words);
                TranslateChinese(match.Value);
            }
            else
            {
                words.Add(new Word(match.Value, words.Count == 0 && _phrases.Count == 0));
            }
        }

        FlushWords(words);

        // Two phrases can share a translation (a spelled-out name and its abbreviation); the query needs it once.
        return new TranslatedQuery(string.Join(' ', _output.Distinct(StringComparer.OrdinalIgnoreCase)), _phrases);
    }

    private void FlushWords(List<Word> words)
    {
        if (words.Count == 0)
        {
            return;
        }

        if (fromLanguage == Languages.Chinese)
        {
            // Latin words in a Chinese question are names or abbreviations ("USB", "2021").
            foreach (var word in words)
            {
                PassThrough(word.Surface);
            }
        }
        else
        {
            TranslateWords(words);
        }

        words.Clear();
    }

    private void TranslateWords(List<Word> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var matched = MatchLongestPhrase(words, i);
            if (matched > 0)
            {
                i += matched;
                continue;
            }

            var word = words[i];
            if (StopwordLists.Default.IsUntranslated(word.Key, fromLanguage))
            {
                // Skipped silently: function words would only add noise.
            }
            else if (word.Key.Contains('-', StringComparison.Ordinal) && !word.Key.Any(char.IsDigit))
            {
                // "Open-Source-Lizenz", "state-of-the-art": translate the parts ("ext4" stays whole as a name).
                TranslateWords([.. word.Surface.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => new Word(part, sentenceStart: false))]);
            }
            else if (fromLanguage == Languages.German && TranslateGermanCompound(word.Key))
            {
                // Translated as its parts.
            }
            else if (fromLanguage == Languages.German && TranslateEnglishWord(word))
            {
                // An English word in a German question ("mit help markieren", ".changes-Datei").
            }
            else if (fromLanguage == Languages.German ? word.IsStrongName : word.LooksLikeName)
            {
                // A name the table does not know; German capitalizes every noun, so there only inner capitals or digits count.
                PassThrough(word.Surface);
            }
            else if (fromLanguage == Languages.English && !TranslatesAnywhere(word.Key))
            {
                // An English word the collection has no translation of in any language: most often a technical term
                // that German and Chinese text write in English too ("framebuffer", "devscripts").
                PassThrough(word.Surface);
            }
            else
            {
                _phrases.Add(new PhraseTranslation(word.Key, PhraseTranslationKind.Dropped, []));
            }

            i++;
        }
    }

    // Number of words matched at position start, 0 when none; phrases neither start nor end with a stopword.
    private int MatchLongestPhrase(List<Word> words, int start)
    {
        var longest = Math.Min(BilingualDictionary.MaxPhraseWords, words.Count - start);
        for (var length = longest; length >= 1; length--)
        {
            if (StopwordLists.Default.IsUntranslated(words[start].Key, fromLanguage) || StopwordLists.Default.IsUntranslated(words[start + length - 1].Key, fromLanguage))
            {
                continue;
            }

            var key = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Key));
            var candidates = FindCandidates(key);
            if (candidates.Count == 0)
            {
                continue;
            }

            var texts = candidates.Select(c => c.Text).ToList();
            var phraseWords = words.GetRange(start, length);

            // Only inner capitals or digits mark a name the dictionary also translates ("GRUB", "AI"): German capitalizes
            // every noun, and a capitalized English word the dictionary knows ("Installer", "Bay") is mostly a word.
            if (phraseWords.All(w => w.IsStrongName))
            {
                // Names are often written the same way in the other language's articles too (Latin acronyms in Chinese text).
                var surface = string.Join(' ', phraseWords.Select(w => w.Surface));
                if (!texts.Contains(surface, StringComparer.OrdinalIgnoreCase))
                {
                    texts.Add(surface);
                }
            }

            _phrases.Add(new PhraseTranslation(key, PhraseTranslationKind.Translated, texts));
            _output.AddRange(texts);
            return length;
        }

        return 0;
    }

    private IReadOnlyList<TranslationCandidate> FindCandidates(string key) => FindCandidates(key, fromLanguage, toLanguage);

    private bool TranslatesAnywhere(string key) =>
        table.CollectionLanguages.Any(language => language != fromLanguage && FindCandidates(key, fromLanguage, language).Count > 0);

    private IReadOnlyList<TranslationCandidate> FindCandidates(string key, string from, string to)
    {
        // English keys are written without hyphens (see PhraseNormalizer): "e-mail" is looked up as "e mail".
        if (from == Languages.English && key.Contains('-', StringComparison.Ordinal))
        {
            key = key.Replace('-', ' ');
        }

        var candidates = table.Candidates(key, from, to);
        return candidates.Count > 0
            ? candidates
            : InflectionFallback.Variants(key, from)
                .Select(variant => table.Candidates(variant, from, to))
                .FirstOrDefault(found => found.Count > 0) ?? [];
    }

    // German technical text borrows English words. One the German dictionary lacks but the English one knows is
    // kept as it is for English passages and translated from English for the others.
    private bool TranslateEnglishWord(Word word)
    {
        if (toLanguage == Languages.English)
        {
            var isEnglish = table.CollectionLanguages
                .Where(language => language != Languages.English)
                .Any(language => FindCandidates(word.Key, Languages.English, language).Count > 0);
            if (isEnglish)
            {
                PassThrough(word.Surface);
            }

            return isEnglish;
        }

        var candidates = FindCandidates(word.Key, Languages.English, toLanguage);
        if (candidates.Count == 0)
        {
            return false;
        }

        AddTranslated(word.Key, candidates);
        return true;
    }

    // Splits an unknown German compound into a known modifier and a known head ("reisekosten" = reise + kosten),
    // trying the longest head first and dropping a linking s/es/n/en from the modifier.
    private bool TranslateGermanCompound(string word)
    {
        const int MinPart = 3;
        for (var split = MinPart; split <= word.Length - MinPart; split++)
        {
            var head = FindCandidates(word[split..]);
            if (head.Count == 0)
            {
                continue;
            }

            var modifier = word[..split];
            foreach (var form in (string[])[modifier, modifier.TrimEnd('s'), modifier.EndsWith("es", StringComparison.Ordinal) ? modifier[..^2] : modifier, modifier.TrimEnd('n'), modifier.EndsWith("en", StringComparison.Ordinal) ? modifier[..^2] : modifier])
            {
                var modifierCandidates = form.Length >= MinPart && !StopwordLists.Default.IsUntranslated(form, fromLanguage) ? FindCandidates(form) : [];
                if (modifierCandidates.Count == 0)
                {
                    continue;
                }

                AddTranslated(form, modifierCandidates);
                AddTranslated(word[split..], head);
                return true;
            }
        }

        return false;
    }

    private void AddTranslated(string source, IReadOnlyList<TranslationCandidate> candidates)
    {
        var texts = candidates.Select(c => c.Text).ToList();
        _phrases.Add(new PhraseTranslation(source, PhraseTranslationKind.Translated, texts));
        _output.AddRange(texts);
    }

    // The run is cut into words (jieba), and the longest table key made of whole consecutive words is translated, so
    // a key never straddles a word boundary ("检出" is not translated as 检 + 出). A word the table lacks is translated
    // by its longest known parts of two or more characters; a single character is translated only when it is a word
    // of its own and not a function character: single characters inside a word are mostly other senses.
    private void TranslateChinese(string run)
    {
        var words = ChineseWordSegmenter.Cut(run);
        var i = 0;
        while (i < words.Count)
        {
            var matched = MatchChineseWordsAt(words, i);
            if (matched > 0)
            {
                i += matched;
                continue;
            }

            var word = words[i];
            if (word.Length > 1)
            {
                TranslateChineseParts(word);
            }
            else if (!StopwordLists.Default.IsChineseFunctionTerm(word))
            {
                _phrases.Add(new PhraseTranslation(word, PhraseTranslationKind.Dropped, []));
            }

            i++;
        }
    }

    // Number of words, from start, of the longest table key or never-translated word they spell; 0 when none.
    private int MatchChineseWordsAt(IReadOnlyList<string> words, int start)
    {
        var longest = Math.Max(longestChineseKey, StopwordLists.Default.MaxChineseUntranslatedLength);
        var end = start;
        var length = 0;
        while (end < words.Count && length + words[end].Length <= longest)
        {
            length += words[end].Length;
            end++;
        }

        for (; end > start; end--)
        {
            var piece = string.Concat(words.Skip(start).Take(end - start));
            if (StopwordLists.Default.IsUntranslated(piece, Languages.Chinese)
                || piece.Length == 1 && StopwordLists.Default.IsChineseFunctionTerm(piece))
            {
                return end - start;
            }

            var candidates = table.Candidates(piece, fromLanguage, toLanguage);
            if (candidates.Count > 0)
            {
                AddTranslated(piece, candidates);
                return end - start;
            }
        }

        return 0;
    }

    // Forward maximum matching inside one word the table lacks, over parts of two or more characters.
    private void TranslateChineseParts(string word)
    {
        var position = 0;
        var unmatchedStart = -1;
        while (position < word.Length)
        {
            var matched = MatchChinesePartAt(word, position);
            if (matched == 0)
            {
                unmatchedStart = unmatchedStart < 0 ? position : unmatchedStart;
                position++;
                continue;
            }

            if (unmatchedStart >= 0)
            {
                _phrases.Add(new PhraseTranslation(word[unmatchedStart..position], PhraseTranslationKind.Dropped, []));
                unmatchedStart = -1;
            }

            position += matched;
        }

        if (unmatchedStart >= 0)
        {
            _phrases.Add(new PhraseTranslation(word[unmatchedStart..], PhraseTranslationKind.Dropped, []));
        }
    }

    // The longest table key or never-translated word of two or more characters starting at position; 0 when none.
    private int MatchChinesePartAt(string word, int position)
    {
        var longest = Math.Min(Math.Max(longestChineseKey, StopwordLists.Default.MaxChineseUntranslatedLength), word.Length - position);
        for (var length = longest; length >= 2; length--)
        {
            var piece = word.Substring(position, length);
            if (StopwordLists.Default.IsUntranslated(piece, Languages.Chinese))
            {
                return length;
            }

            var candidates = table.Candidates(piece, fromLanguage, toLanguage);
            if (candidates.Count > 0)
            {
                AddTranslated(piece, candidates);
                return length;
            }
        }

        return 0;
    }

    private void PassThrough(string surface)
    {
        _phrases.Add(new PhraseTranslation(surface, PhraseTranslationKind.PassedThrough, [surface]));
        _output.Add(surface);
    }

    // Han runs, or words of letters and digits joined by - ' ’ . , ("IPv6", "125,000", "Debian's").
    [GeneratedRegex(@"(?<han>[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|[\p{L}\p{N}-[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]]+(?:[-'’.,][\p{L}\p{N}-[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private readonly record struct Word
    {
        public Word(string token, bool sentenceStart)
        {
            Surface = StripPossessive(token);
            Key = Surface.ToLowerInvariant();
            // A capital only at the start of the question proves nothing; elsewhere, and digits or inner capitals, do.
            IsStrongName = Surface.Any(char.IsDigit) || Surface.Skip(1).Any(char.IsUpper);
            LooksLikeName = IsStrongName || !sentenceStart && char.IsUpper(Surface[0]);
        }

        public string Surface { get; }

        public string Key { get; }

        public bool LooksLikeName { get; }

        // Digits or inner capitals ("IPv6", "USB", "PostgreSQL"): a name in any language, German included.
        public bool IsStrongName { get; }

        private static string StripPossessive(string token) =>
            token.Length > 2 && (token.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || token.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
                ? token[..^2]
                : token;
    }
}
