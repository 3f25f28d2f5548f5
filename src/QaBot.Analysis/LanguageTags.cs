namespace QaBot.Analysis;

/// <summary>
/// Index terms that name a passage's language and script in English, German and Chinese, so that a question
/// about "the German article" or "the Traditional Chinese article" can find it. They are added to a chunk's
/// terms at ingest and counted as present when a passage's coverage of a question is measured.
/// </summary>
public sealed class LanguageTags(TextAnalyzer analyzer, ChineseScriptFolder chineseFolder)
{
    private static readonly Lazy<LanguageTags> Embedded = new(() => new LanguageTags(TextAnalyzer.Default, ChineseScriptFolder.Default));

    private readonly Dictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public static LanguageTags Default => Embedded.Value;

    /// <summary>The tag terms of a passage written in <paramref name="language"/>.</summary>
    public IReadOnlyList<string> TermsFor(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = language == Languages.Chinese ? (chineseFolder.IsMostlyTraditional(text) ? "zh-Hant" : "zh-Hans") : language;
        lock (_lock)
        {
            if (!_cache.TryGetValue(key, out var terms))
            {
                terms = Names(key)
                    .SelectMany(name => analyzer.Analyze(name.Text, name.Language))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                _cache[key] = terms;
            }

            return terms;
        }
    }

    private static IEnumerable<(string Text, string Language)> Names(string key) => key switch
    {
        "en" => [("English", Languages.English), ("Englisch", Languages.German), ("英文 英语", Languages.Chinese)],
        "de" => [("German", Languages.English), ("Deutsch", Languages.German), ("德文 德语", Languages.Chinese)],
        "zh-Hant" => [("Chinese Traditional", Languages.English), ("Chinesisch traditionell", Languages.German), ("中文 繁体", Languages.Chinese)],
        "zh-Hans" => [("Chinese Simplified", Languages.English), ("Chinesisch vereinfacht", Languages.German), ("中文 简体", Languages.Chinese)],
        _ => [],
    };
}
