namespace QaBot.Analysis.Translation;

/// <summary>One aligned sense of a Ding line: German synonyms and their English translations.</summary>
/// <param name="German">German synonyms, annotations removed, in file order.</param>
/// <param name="English">English synonyms, annotations removed, in file order.</param>
/// <param name="SenseIndex">Position of the sense in its line; 0 is the headword, later senses are inflections or compounds.</param>
public sealed record DingEntry(IReadOnlyList<string> German, IReadOnlyList<string> English, int SenseIndex);
