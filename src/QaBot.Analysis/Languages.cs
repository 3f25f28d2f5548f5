namespace QaBot.Analysis;

/// <summary>The language codes the analyzer knows. Chinese covers Simplified and Traditional (folded to Simplified).</summary>
public static class Languages
{
    public const string English = "en";
    public const string German = "de";
    public const string Chinese = "zh";

    public static IReadOnlyList<string> All { get; } = [English, German, Chinese];

    public static bool IsKnown(string language) => All.Contains(language, StringComparer.Ordinal);

    internal static void ThrowIfUnknown(string language, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(language, parameterName);
        if (!IsKnown(language))
        {
            throw new ArgumentException($"Unsupported language '{language}'; expected one of en, de, zh.", parameterName);
        }
    }
}
