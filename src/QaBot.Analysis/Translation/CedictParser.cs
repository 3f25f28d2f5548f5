using System.Text.RegularExpressions;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Reads CC-CEDICT's line format, <c>Trad Simp [pin1 yin1] /gloss/gloss/</c>. Comment (<c>#</c>) and blank lines
/// are ignored; lines that do not have that shape are skipped and counted.
/// </summary>
public static partial class CedictParser
{
    /// <summary>Glosses longer than this many words are descriptions, not translations, and are dropped.</summary>
    public const int MaxGlossWords = 6;

    /// <summary>Parses every line of <paramref name="reader"/>.</summary>
    public static DictionaryParseResult<CedictEntry> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<CedictEntry>();
        var skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryParseLine(line, out var entry))
            {
                skipped++;
                continue;
            }

            // A well-formed line whose glosses are all pointers has nothing to translate.
            if (entry.Senses.Count > 0)
            {
                entries.Add(entry);
            }
        }

        return new DictionaryParseResult<CedictEntry>(entries, skipped);
    }

    /// <summary>Parses one CC-CEDICT line; false when it is malformed.</summary>
    public static bool TryParseLine(string line, out CedictEntry entry)
    {
        ArgumentNullException.ThrowIfNull(line);
        entry = null!;
        var open = line.IndexOf(" [", StringComparison.Ordinal);
        var close = open < 0 ? -1 : line.IndexOf("] /", open, StringComparison.Ordinal);
        if (open < 0 || close < 0 || !line.EndsWith('/'))
        {
            return false;
        }

        var headwords = line[..open].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (headwords.Length != 2)
        {
            return false;
        }

        var pinyin = line[(open + 2)..close];
        var glossField = line[(close + 3)..^1];
        if (glossField.Length == 0)
        {
            return false;
        }

        // Capitalized pinyin marks a proper noun ("Shang4 hai3"); its glosses may carry a descriptor to drop.
        var properNoun = char.IsUpper(pinyin.FirstOrDefault());
        var senses = new List<IReadOnlyList<string>>();
        foreach (var gloss in glossField.Split('/'))
        {
            var synonyms = CleanGloss(gloss, properNoun);
            if (synonyms.Count > 0)
            {
                senses.Add(synonyms);
            }
        }

        entry = new CedictEntry(headwords[0], headwords[1], pinyin, senses);
        return true;
    }

    /// <summary>
    /// One gloss as lookup-ready English synonyms: none for pointer glosses, otherwise the <c>;</c>-separated parts
    /// without parenthesised notes; a "Name, description" gloss also yields the name alone, and so does a proper
    /// noun's "Name descriptor" gloss ("Shanghai municipality").
    /// </summary>
    internal static IReadOnlyList<string> CleanGloss(string gloss, bool properNoun)
    {
        var trimmed = gloss.Trim();
        if (trimmed.Length == 0 || PointerGloss().IsMatch(trimmed))
        {
            return [];
        }

        var synonyms = new List<string>();
        foreach (var part in trimmed.Split(';'))
        {
            var text = AnnotationStripper.Strip(part).Trim(' ', ',', '.');
            if (text.Length == 0)
            {
                continue;
            }

            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && char.IsUpper(text[0]) && WordCount(text[..comma]) <= 3)
            {
                // "IBM, computer company": the name before the comma is the translation.
                AddDistinct(synonyms, text[..comma].TrimEnd());
            }

            if (WordCount(text) <= MaxGlossWords)
            {
                AddDistinct(synonyms, text);
            }

            if (properNoun && LeadingCapitalizedWords(text) is { Length: > 0 } name && name.Length < text.Length)
            {
                AddDistinct(synonyms, name);
            }
        }

        return synonyms;
    }

    private static void AddDistinct(List<string> synonyms, string text)
    {
        if (!synonyms.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            synonyms.Add(text);
        }
    }

    // "Shanghai municipality" -> "Shanghai"; "Changning district, central Shanghai" -> "Changning"; empty when the
    // gloss does not start with a capitalized word or is not "Name lowercase-descriptor" of at most three words.
    private static string LeadingCapitalizedWords(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var words = (comma > 0 ? text[..comma] : text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalized = words.TakeWhile(word => char.IsUpper(word[0])).Count();
        return capitalized > 0 && capitalized < words.Length && words.Length <= 3
            ? string.Join(' ', words.Take(capitalized))
            : string.Empty;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(
        @"^(\(?(old |archaic |Japanese |Taiwan |\(Tw\) )?variant of|(see|see also|surname|used in|abbr\. for|also written|erhua variant)\b|CL:|classifier for|\(classifier)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointerGloss();
}
