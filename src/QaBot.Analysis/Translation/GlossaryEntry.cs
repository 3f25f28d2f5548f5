namespace QaBot.Analysis.Translation;

/// <summary>One glossary line: the same name in each language; an empty list where it has no form.</summary>
/// <param name="English">English forms, preferred first.</param>
/// <param name="German">German forms, preferred first.</param>
/// <param name="Chinese">Simplified Chinese forms, preferred first.</param>
public sealed record GlossaryEntry(IReadOnlyList<string> English, IReadOnlyList<string> German, IReadOnlyList<string> Chinese)
{
    /// <summary>The forms in <paramref name="language"/>.</summary>
    public IReadOnlyList<string> FormsIn(string language) => language switch
    {
        Languages.English => English,
        Languages.German => German,
        Languages.Chinese => Chinese,
        _ => throw new ArgumentException($"Unsupported language '{language}'.", nameof(language)),
    };
}
