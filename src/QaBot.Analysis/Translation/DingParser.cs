using System.Text.RegularExpressions;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Reads Ding's line format, <c>German :: English</c>, with <c>|</c> between senses (aligned on both sides) and
/// <c>;</c> between synonyms. Annotations (<c>{f}</c>, <c>{pl}</c>, <c>[Br.]</c>, <c>(...)</c>, <c>&lt;...&gt;</c>) are
/// removed; an abbreviation written <c>/KI/</c> becomes a synonym of its own. Comment (<c>#</c>) and blank lines are
/// ignored; lines without <c>::</c> or whose sides have different sense counts are skipped and counted.
/// </summary>
public static partial class DingParser
{
    /// <summary>Parses every line of <paramref name="reader"/>.</summary>
    public static DictionaryParseResult<DingEntry> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<DingEntry>();
        var skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryParseLine(line, entries))
            {
                skipped++;
            }
        }

        return new DictionaryParseResult<DingEntry>(entries, skipped);
    }

    /// <summary>Parses one Ding line, appending its senses to <paramref name="entries"/>; false when it is malformed.</summary>
    public static bool TryParseLine(string line, ICollection<DingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(entries);
        var separator = line.IndexOf("::", StringComparison.Ordinal);
        if (separator < 0 || line.IndexOf("::", separator + 2, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        var germanSenses = line[..separator].Split('|');
        var englishSenses = line[(separator + 2)..].Split('|');
        if (germanSenses.Length != englishSenses.Length)
        {
            return false;
        }

        var parsed = new List<DingEntry>(germanSenses.Length);
        for (var i = 0; i < germanSenses.Length; i++)
        {
            var german = SplitSynonyms(germanSenses[i]);
            var english = SplitSynonyms(englishSenses[i]);
            if (german.Count > 0 && english.Count > 0)
            {
                parsed.Add(new DingEntry(german, english, i));
            }
        }

        if (parsed.Count == 0)
        {
            return false;
        }

        foreach (var entry in parsed)
        {
            entries.Add(entry);
        }

        return true;
    }

    /// <summary>The <c>;</c>-separated synonyms of one sense, annotations removed, abbreviations added after their phrase.</summary>
    internal static IReadOnlyList<string> SplitSynonyms(string sense)
    {
        var synonyms = new List<string>();
        foreach (var part in AnnotationStripper.SplitOutsideNotes(sense, ';'))
        {
            string? abbreviation = null;
            var withoutAbbreviation = !part.Contains('/', StringComparison.Ordinal) ? part : Abbreviation().Replace(part, match =>
            {
                abbreviation = match.Groups[1].Value;
                return " ";
            });
            var text = AnnotationStripper.Strip(withoutAbbreviation);
            if (text.Length > 0 && !synonyms.Contains(text))
            {
                synonyms.Add(text);
            }

            if (abbreviation is not null && !synonyms.Contains(abbreviation))
            {
                synonyms.Add(abbreviation);
            }
        }

        return synonyms;
    }

    // "/KI/" after a phrase marks its abbreviation; a slash inside a word ("and/or") does not.
    [GeneratedRegex(@"(?<=^|\s)/([^/\s]+)/(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();
}
