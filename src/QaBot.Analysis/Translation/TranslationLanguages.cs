namespace QaBot.Analysis.Translation;

/// <summary>The language codes the translation component understands.</summary>
public static class TranslationLanguages
{
    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>German.</summary>
    public const string German = "de";

    /// <summary>Chinese; keys and translations are Simplified.</summary>
    public const string Chinese = "zh";

    /// <summary>All supported codes, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [English, German, Chinese];

    /// <summary>Whether <paramref name="language"/> is one of <see cref="All"/>.</summary>
    public static bool IsSupported(string language) =>
        language is English or German or Chinese;

    internal static void ThrowIfUnsupported(string language, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(language, parameterName);
        if (!IsSupported(language))
        {
            throw new ArgumentException($"Unsupported language '{language}'; expected one of en, de, zh.", parameterName);
        }
    }
}
