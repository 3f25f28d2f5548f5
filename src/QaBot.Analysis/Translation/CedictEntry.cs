namespace QaBot.Analysis.Translation;

/// <summary>One CC-CEDICT entry with its English glosses cleaned for lookup.</summary>
/// <param name="Traditional">Headword in Traditional characters.</param>
/// <param name="Simplified">Headword in Simplified characters.</param>
/// <param name="Pinyin">Numbered pinyin, as in the file.</param>
/// <param name="Senses">
/// The senses in file order; each holds its English synonyms (split on <c>;</c>), with parenthesised notes
/// removed and pointer glosses (variants, "see", surnames, classifiers) left out.
/// </param>
public sealed record CedictEntry(
    string Traditional,
    string Simplified,
    string Pinyin,
    IReadOnlyList<IReadOnlyList<string>> Senses);
