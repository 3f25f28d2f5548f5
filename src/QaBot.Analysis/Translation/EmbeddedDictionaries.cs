using System.IO.Compression;
using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// The dictionaries shipped inside this assembly (see Translation/Data and tools/dictionaries): CC-CEDICT
/// (CC BY-SA 4.0), Ding (GPL-2+), and the lexicon compiled from them. A collection's glossary is a file beside
/// that collection, not part of this assembly.
/// </summary>
public static class EmbeddedDictionaries
{
    /// <summary>Resource name of the gzip-compressed CC-CEDICT file.</summary>
    public const string CedictResource = "QaBot.Analysis.Translation.Data.cedict.u8.gz";

    /// <summary>Resource name of the gzip-compressed Ding German–English file.</summary>
    public const string DingResource = "QaBot.Analysis.Translation.Data.ding-de-en.txt.gz";

    /// <summary>
    /// Resource name of the lexicon: CC-CEDICT and Ding parsed and merged ahead of time by tools/dictionaries/compile
    /// (<see cref="CompileLexicon"/>), so that ingest does not parse them; compressed section by section (see
    /// <see cref="LexiconSerializer"/>).
    /// </summary>
    public const string LexiconResource = "QaBot.Analysis.Translation.Data.lexicon.bin";

    /// <summary>Parses the embedded CC-CEDICT.</summary>
    public static DictionaryParseResult<CedictEntry> ParseCedict()
    {
        using var reader = OpenText(CedictResource, compressed: true);
        return CedictParser.Parse(reader);
    }

    /// <summary>Parses the embedded Ding file.</summary>
    public static DictionaryParseResult<DingEntry> ParseDing()
    {
        using var reader = OpenText(DingResource, compressed: true);
        return DingParser.Parse(reader);
    }

    /// <summary>
    /// The compiled lexicon merged with glossary entries (a collection's glossary file, pairs mined from its text);
    /// a few hundred milliseconds, so do it at ingest, not per query.
    /// </summary>
    /// <param name="glossary">Entries that rank before the dictionaries' own translations; none when null.</param>
    /// <exception cref="InvalidDataException">The shipped lexicon is not of the version this assembly reads.</exception>
    public static BilingualDictionary LoadBilingualDictionary(IReadOnlyList<GlossaryEntry>? glossary = null) =>
        BilingualDictionary.FromLexicon(LoadLexicon(), glossary ?? []);

    /// <summary>
    /// Parses the embedded CC-CEDICT and Ding and writes their merged translations in the lexicon format to
    /// <paramref name="destination"/>: what tools/dictionaries/compile ships as lexicon.bin.
    /// </summary>
    public static void CompileLexicon(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        LexiconSerializer.Write(BilingualDictionary.CompileLexicon(ParseCedict().Entries, ParseDing().Entries), destination);
    }

    /// <summary>The shipped lexicon's bytes (what <see cref="CompileLexicon"/> wrote).</summary>
    internal static byte[] ReadLexiconBytes()
    {
        using var stream = OpenResource(LexiconResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static Lexicon LoadLexicon() => LexiconSerializer.Read(ReadLexiconBytes());

    private static Stream OpenResource(string resource) =>
        typeof(EmbeddedDictionaries).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from QaBot.Analysis.");

    private static StreamReader OpenText(string resource, bool compressed)
    {
        var stream = OpenResource(resource);
        Stream content = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, Encoding.UTF8);
    }
}
