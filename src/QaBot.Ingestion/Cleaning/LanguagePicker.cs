namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Recognises a site's language picker scraped into the text: a line made mostly of language names,
/// often run together (<c>한어Русский языкEnglishFrançais...Deutsch</c>).
/// </summary>
internal static class LanguagePicker
{
    private const int MinNames = 3;
    private const double MinCoverage = 0.6;

    // Folded (lower-case, Simplified) names, longest first so "русский язык" wins over "русский".
    private static readonly string[] Names = new[]
    {
        "english", "deutsch", "français", "francais", "español", "espanol", "italiano", "português", "portugues",
        "русский язык", "русский", "日本語", "日本语", "한국어", "한어", "中文", "简体中文", "繁体中文", "简体", "繁体",
        "nederlands", "polski", "türkçe", "العربية", "ελληνικά", "suomi", "suomalainen", "latina", "indonesian",
        "bahasa indonesia", "bahasa melayu", "sanskrit", "svenska", "norsk", "dansk", "čeština", "magyar",
        "tiếng việt", "ไทย", "हिन्दी", "română", "українська", "עברית", "فارسی", "català", "filipino",
    }.OrderByDescending(name => name.Length).ToArray();

    // The names by first character, longest first: the scan below tries every position of every block, so it
    // compares only the names that can start there.
    private static readonly Dictionary<char, string[]> NamesByFirstChar = Names
        .GroupBy(name => name[0])
        .ToDictionary(group => group.Key, group => group.ToArray());

    /// <summary>True when the whole text is one language's name (a link of a language picker).</summary>
    public static bool IsLanguageName(string text)
    {
        var folded = TextFolder.Fold(text).Trim();
        return folded.Length > 0 && Names.Contains(folded, StringComparer.Ordinal);
    }

    public static bool IsLanguagePicker(string line)
    {
        var folded = TextFolder.Fold(line);
        var visible = folded.Count(c => !char.IsWhiteSpace(c));
        if (visible == 0)
        {
            return false;
        }

        var covered = 0;
        var found = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < folded.Length)
        {
            var name = NamesByFirstChar.TryGetValue(folded[i], out var candidates)
                ? Array.Find(candidates, n => string.CompareOrdinal(folded, i, n, 0, n.Length) == 0)
                : null;
            if (name is null)
            {
                i++;
                continue;
            }

            found.Add(name);
            covered += name.Count(c => !char.IsWhiteSpace(c));
            i += name.Length;
        }

        return found.Count >= MinNames && covered >= visible * MinCoverage;
    }
}
