namespace QaBot.Evaluation;

/// <summary>Labels a question's language direction.</summary>
public static class LanguageDirection
{
    /// <summary>"en→de"; "?" for an unknown question language, "none" for no passage language.</summary>
    public static string Label(string? questionLanguage, string? passageLanguage) =>
        $"{(string.IsNullOrWhiteSpace(questionLanguage) ? "?" : questionLanguage)}→{(string.IsNullOrWhiteSpace(passageLanguage) ? "none" : passageLanguage)}";
}
