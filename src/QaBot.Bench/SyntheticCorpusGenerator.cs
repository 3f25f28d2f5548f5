using System.Globalization;
using System.Text;

namespace QaBot.Bench;

/// <summary>A generated article: its path relative to the corpus folder and its text.</summary>
public sealed record SyntheticArticle(string RelativePath, string Language, string Text);

/// <summary>
/// Writes a deterministic, multilingual-looking collection (English, German, Chinese) of about the requested
/// number of chunks. Words are drawn from a per-language vocabulary of real common words and made-up words
/// with a skewed (Zipf-like) frequency, so term statistics look like those of real text: a few very common
/// terms and a long tail. The same seed always gives the same articles and questions.
/// </summary>
public sealed class SyntheticCorpusGenerator(int seed)
{
    /// <summary>Paragraphs per article; each paragraph is close to one chunk at the default chunking settings.</summary>
    public const int ParagraphsPerArticle = 20;

    /// <summary>Estimated tokens per paragraph (a Latin word or a Han character each).</summary>
    public const int TokensPerParagraph = 100;

    private const int MadeUpWordsPerLanguage = 6000;

    private static readonly string[] EnglishWords =
        "market energy city river school report policy water system company research industry digital network power model data science health travel museum festival village harbor railway bridge garden forest mountain climate battery vehicle factory software library hospital student teacher farmer engineer council budget export import region province coast island".Split(' ');

    private static readonly string[] GermanWords =
        "Markt Energie Stadt Fluss Schule Bericht Politik Wasser System Firma Forschung Industrie Netz Strom Modell Daten Wissenschaft Gesundheit Reise Museum Fest Dorf Hafen Eisenbahn Brücke Garten Wald Berg Klima Batterie Fahrzeug Fabrik Bibliothek Krankenhaus Schüler Lehrer Bauer Ingenieur Rat Haushalt Ausfuhr Einfuhr Region Land Küste Insel".Split(' ');

    private static readonly string[] EnglishFunctionWords = "the of and in to a is for on with that by from as at".Split(' ');

    private static readonly string[] GermanFunctionWords = "der die das und in zu ist für mit von auf den im dem ein eine".Split(' ');

    private static readonly string[] LatinSyllables = "ka to ri ne sa lo mi den ber var tal sen mor lin gar fel don run pas ter wel ham kor vin".Split(' ');

    private const string HanCharacters =
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

    private readonly Dictionary<string, string[]> _vocabularies = new(StringComparer.Ordinal)
    {
        ["en"] = BuildLatinVocabulary(EnglishWords, seed, capitalize: false),
        ["de"] = BuildLatinVocabulary(GermanWords, seed + 1, capitalize: true),
        ["zh"] = BuildHanVocabulary(seed + 2),
    };

    public static IReadOnlyList<string> LanguageCodes { get; } = ["en", "de", "zh"];

    /// <summary>Articles holding about <paramref name="targetChunks"/> chunks in all (the chunker decides the exact count).</summary>
    public IEnumerable<SyntheticArticle> Articles(int targetChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetChunks);
        for (var i = 0; i < ArticleCount(targetChunks); i++)
        {
            yield return Article(i, Math.Min(ParagraphsPerArticle, targetChunks - (i * ParagraphsPerArticle)));
        }
    }

    /// <summary>
    /// Questions in the three languages about a collection of <paramref name="targetChunks"/> chunks: four in
    /// five quote a few consecutive content words of one of its passages (the collection covers them), one in
    /// five is made of random words (it mostly does not).
    /// </summary>
    public IReadOnlyList<string> Questions(int count, int targetChunks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetChunks);
        var random = new Random(DeterministicSeed.Of(seed, -1));
        var articles = ArticleCount(targetChunks);
        var questions = new List<string>(count);
        for (var i = 0; i < questions.Capacity; i++)
        {
            var index = random.Next(articles);
            var language = LanguageCodes[index % LanguageCodes.Count];
            var words = i % 5 == 4
                ? Enumerable.Range(0, random.Next(3, 6)).Select(_ => Word(random, language, skew: 1.5)).ToList()
                : Quote(random, Article(index, ParagraphsPerArticle));
            questions.Add(language switch
            {
                "en" => "What is known about " + string.Join(' ', words) + "?",
                "de" => "Was weiß man über " + string.Join(' ', words) + "?",
                _ => "关于" + string.Concat(words) + "有什么？",
            });
        }

        return questions;
    }

    private static int ArticleCount(int targetChunks) => (targetChunks + ParagraphsPerArticle - 1) / ParagraphsPerArticle;

    /// <summary>Three to five consecutive content words of one sentence of the article (for Chinese, four to six characters).</summary>
    private static List<string> Quote(Random random, SyntheticArticle article)
    {
        var sentences = article.Text.Split(['.', '。', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sentence = sentences[1 + random.Next(sentences.Length - 1)];
        if (article.Language == "zh")
        {
            var length = Math.Min(sentence.Length, random.Next(4, 7));
            return [sentence.Substring(random.Next(sentence.Length - length + 1), length)];
        }

        var functionWords = article.Language == "en" ? EnglishFunctionWords : GermanFunctionWords;
        var content = sentence.Split(' ').Where(w => !functionWords.Contains(w, StringComparer.OrdinalIgnoreCase)).ToList();
        var take = Math.Min(content.Count, random.Next(3, 6));
        return content.GetRange(random.Next(content.Count - take + 1), take);
    }

    /// <summary>Article <paramref name="index"/>: the same text whatever the size of the collection it is part of.</summary>
    private SyntheticArticle Article(int index, int paragraphs)
    {
        var random = new Random(DeterministicSeed.Of(seed, index));
        var language = LanguageCodes[index % LanguageCodes.Count];
        var text = new StringBuilder();
        text.Append(Sentence(random, language, 6)).Append("\n\n");
        for (var p = 0; p < paragraphs; p++)
        {
            var tokens = 0;
            while (tokens < TokensPerParagraph)
            {
                var length = random.Next(8, 20);
                text.Append(Sentence(random, language, length)).Append(language == "zh" ? string.Empty : " ");
                tokens += length;
            }

            text.Append("\n\n");
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"{language}/{index / 1000:000}/article-{index:00000}.txt");
        return new SyntheticArticle(path, language, text.ToString());
    }

    /// <summary>Writes the articles under <paramref name="corpusPath"/>; returns how many were written.</summary>
    public async Task<int> WriteAsync(string corpusPath, int targetChunks, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var article in Articles(targetChunks))
        {
            var path = Path.Combine(corpusPath, article.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, article.Text, cancellationToken);
            written++;
        }

        return written;
    }

    private string Sentence(Random random, string language, int length)
    {
        var builder = new StringBuilder();
        for (var w = 0; w < length; w++)
        {
            if (language == "zh")
            {
                builder.Append(Word(random, language, skew: 2.5));
                continue;
            }

            if (w > 0)
            {
                builder.Append(' ');
            }

            // Every third word a function word, as in real text (the analyzer drops them as stopwords).
            var functionWords = language == "en" ? EnglishFunctionWords : GermanFunctionWords;
            var word = w % 3 == 1 ? functionWords[random.Next(functionWords.Length)] : Word(random, language, skew: 2.5);
            builder.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
        }

        return builder.Append(language == "zh" ? "。" : ".").ToString();
    }

    private string Word(Random random, string language, double skew)
    {
        var vocabulary = _vocabularies[language];
        return vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), skew))];
    }

    private static string[] BuildLatinVocabulary(string[] common, int seed, bool capitalize)
    {
        var random = new Random(seed);
        var words = new List<string>(common);
        var seen = new HashSet<string>(common, StringComparer.Ordinal);
        while (words.Count < common.Length + MadeUpWordsPerLanguage)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => LatinSyllables[random.Next(LatinSyllables.Length)]));
            word = capitalize ? char.ToUpperInvariant(word[0]) + word[1..] : word;
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    private static string[] BuildHanVocabulary(int seed)
    {
        var random = new Random(seed);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < MadeUpWordsPerLanguage)
        {
            var word = string.Concat(HanCharacters[random.Next(HanCharacters.Length)], HanCharacters[random.Next(HanCharacters.Length)]);
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }

        return [.. words];
    }
}
