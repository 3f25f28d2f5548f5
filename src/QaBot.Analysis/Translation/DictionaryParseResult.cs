namespace QaBot.Analysis.Translation;

/// <summary>What a dictionary parser read: the entries, and how many malformed lines it skipped.</summary>
/// <typeparam name="TEntry">The parser's entry type.</typeparam>
/// <param name="Entries">Entries in file order.</param>
/// <param name="SkippedLineCount">Lines that were neither comments, blank, nor well-formed entries.</param>
public sealed record DictionaryParseResult<TEntry>(IReadOnlyList<TEntry> Entries, int SkippedLineCount);
