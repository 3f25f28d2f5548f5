using System.IO.Compression;
using System.Text;

namespace QaBot.Analysis.Translation;

/// <summary>
/// The dictionaries shipped inside this assembly (see Translation/Data and tools/dictionaries): CC-CEDICT
/// (CC BY-SA 4.0), Ding (GPL-2+) and the glossary.
/// </summary>
public static class EmbeddedDictionaries
{
    /// <summary>Resource name of the gzip-compressed CC-CEDICT file.</summary>
    public const string CedictResource = "QaBot.Analysis.Translation.Data.cedict.u8.gz";

    /// <summary>Resource name of the gzip-compressed Ding German–English file.</summary>
    public const string DingResource = "QaBot.Analysis.Translation.Data.ding-de-en.txt.gz";

    /// <summary>Resource name of the glossary.</summary>
    public const string GlossaryResource = "QaBot.Analysis.Translation.Data.glossary.tsv";

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

    /// <summary>Parses the embedded glossary.</summary>
    public static DictionaryParseResult<GlossaryEntry> ParseGlossary()
    {
        using var reader = OpenText(GlossaryResource, compressed: false);
        return GlossaryParser.Parse(reader);
    }

    /// <summary>Parses all three and merges them; this takes about a second, so do it at ingest, not per query.</summary>
    public static BilingualDictionary LoadBilingualDictionary() =>
        BilingualDictionary.Create(ParseCedict().Entries, ParseDing().Entries, ParseGlossary().Entries);

    private static StreamReader OpenText(string resource, bool compressed)
    {
        var stream = typeof(EmbeddedDictionaries).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from QaBot.Analysis.");
        Stream content = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(content, Encoding.UTF8);
    }
}
