namespace QaBot.Retrieval.Translation;

/// <summary>Collection-specific translation data. Section <c>Translation</c>.</summary>
public sealed class TranslationOptions
{
    public const string SectionName = "Translation";

    /// <summary>The default glossary file name, looked for in the corpus folder.</summary>
    public const string DefaultGlossaryFileName = "glossary.tsv";

    /// <summary>
    /// The collection's glossary (TSV: en, de, zh). Unset: <c>glossary.tsv</c> in the corpus folder when it exists;
    /// empty: no glossary. Relative paths start at the working directory.
    /// </summary>
    public string? GlossaryPath { get; set; }
}
