// Measures dictionary parsing, table building, table loading and query translation on the repository's corpus,
// and prints what each dev question becomes in the other languages. The analyzer here is a trivial stand-in
// (lowercase words, Chinese as overlapping bigrams, Traditional folded to Simplified through CC-CEDICT's own
// character pairs); the real index analyzer will give somewhat different vocabularies.
// Run: dotnet run -c Release --project tools/dictionaries/bench [-- CORPUS_DIR DEV_JSONL]
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using QaBot.Analysis;
using QaBot.Analysis.Translation;

var repo = FindRepositoryRoot();
var corpusDirectory = args.Length > 0 ? args[0] : Path.Combine(repo, "corpus");
var devSet = args.Length > 1 ? args[1] : Path.Combine(repo, "eval", "dev.jsonl");

var clock = Stopwatch.StartNew();
var cedict = EmbeddedDictionaries.ParseCedict();
Console.WriteLine($"CC-CEDICT parse: {clock.ElapsedMilliseconds} ms, {cedict.Entries.Count} entries, {cedict.SkippedLineCount} malformed lines");
clock.Restart();
var ding = EmbeddedDictionaries.ParseDing();
Console.WriteLine($"Ding parse: {clock.ElapsedMilliseconds} ms, {ding.Entries.Count} senses, {ding.SkippedLineCount} malformed lines");
clock.Restart();
// No glossary: a collection's glossary is a file beside it (Translation:GlossaryPath), not part of the dictionaries.
var glossary = new DictionaryParseResult<GlossaryEntry>([], 0);
var dictionary = BilingualDictionary.Create(cedict.Entries, ding.Entries, glossary.Entries);
Console.WriteLine($"BilingualDictionary.Create: {clock.ElapsedMilliseconds} ms; direct keys en>zh {dictionary.DirectKeyCount("en", "zh")}, zh>en {dictionary.DirectKeyCount("zh", "en")}, de>en {dictionary.DirectKeyCount("de", "en")}, en>de {dictionary.DirectKeyCount("en", "de")}");

var fold = new Dictionary<char, char>();
foreach (var entry in cedict.Entries.Where(e => e.Traditional.Length == e.Simplified.Length))
{
    for (var i = 0; i < entry.Traditional.Length; i++)
    {
        if (entry.Traditional[i] != entry.Simplified[i])
        {
            fold.TryAdd(entry.Traditional[i], entry.Simplified[i]);
        }
    }
}

string Fold(string text) => string.Concat(text.Select(c => fold.TryGetValue(c, out var simplified) ? simplified : c));

var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
var languages = new HashSet<string>(StringComparer.Ordinal);
foreach (var file in Directory.GetFiles(corpusDirectory).Order(StringComparer.Ordinal))
{
    var text = File.ReadAllText(file);
    var language = GuessLanguage(text);
    languages.Add(language);
    text = language == Languages.Chinese ? Fold(text) : text;
    // Chunks of 800 characters stand in for the ingest chunker.
    for (var start = 0; start < text.Length; start += 800)
    {
        foreach (var term in Analyze(text.Substring(start, Math.Min(800, text.Length - start)), language).Distinct())
        {
            vocabulary[term] = vocabulary.GetValueOrDefault(term) + 1;
        }
    }
}

clock.Restart();
var table = new TranslationTableBuilder(dictionary).Build(Analyze, vocabulary, languages);
Console.WriteLine($"TranslationTableBuilder.Build: {clock.ElapsedMilliseconds} ms over a vocabulary of {vocabulary.Count} terms; languages {string.Join(",", table.CollectionLanguages)}");
foreach (var from in Languages.All)
{
    Console.WriteLine($"  from {from}: " + string.Join(", ", Languages.All.Where(to => to != from).Select(to => $"{to} {table.Count(from, to)} phrases")));
}

var bytes = table.Serialize();
var loads = new List<double>();
for (var run = 0; run < 5; run++)
{
    clock.Restart();
    _ = TranslationTable.Deserialize(bytes);
    loads.Add(clock.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"Serialized table: {bytes.Length} bytes; Deserialize: min {loads.Min():F1} ms, max {loads.Max():F1} ms over 5 runs");

var timings = new List<double>();
foreach (var line in File.ReadLines(devSet))
{
    using var json = JsonDocument.Parse(line);
    var question = json.RootElement.GetProperty("question").GetString()!;
    var language = json.RootElement.GetProperty("lang").GetString()!;
    Console.WriteLine($"\n[{json.RootElement.GetProperty("id").GetString()}] ({language}) {question}");
    foreach (var to in table.CollectionLanguages.Where(to => to != language))
    {
        clock.Restart();
        var query = table.Translate(language == Languages.Chinese ? Fold(question) : question, language, to);
        timings.Add(clock.Elapsed.TotalMilliseconds);
        Console.WriteLine($"  -> {to}: {query.Text}");
        Console.WriteLine("     " + string.Join("; ", query.Phrases.Select(p => $"{p.Source} {p.Kind}[{string.Join(",", p.Candidates)}]")));
    }
}

timings.Sort();
Console.WriteLine($"\nTranslate: median {timings[timings.Count / 2]:F3} ms, max {timings[^1]:F3} ms over {timings.Count} translations");

static IReadOnlyList<string> Analyze(string text, string language)
{
    var terms = new List<string>();
    foreach (Match match in Regex.Matches(text.ToLowerInvariant(), @"(?<han>[\u3400-\u9fff]+)|[\p{L}\p{N}-[\u3400-\u9fff]]+"))
    {
        var token = match.Value;
        if (!match.Groups["han"].Success || token.Length == 1)
        {
            terms.Add(token);
            continue;
        }

        for (var i = 0; i + 1 < token.Length; i++)
        {
            terms.Add(token.Substring(i, 2));
        }
    }

    return terms;
}

static string GuessLanguage(string text)
{
    if (text.Count(c => c is >= '\u4e00' and <= '\u9fff') > 200)
    {
        return Languages.Chinese;
    }

    return Regex.Matches(text, @"\b(und|die|der|das)\b").Count > Regex.Matches(text, @"\b(and|the|of)\b").Count
        ? Languages.German
        : Languages.English;
}

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QaBot.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
