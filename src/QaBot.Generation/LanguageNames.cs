using QaBot.Analysis;

namespace QaBot.Generation;

/// <summary>English names of the language codes, as the prompts name languages to the model.</summary>
internal static class LanguageNames
{
    public static string Of(string code) => code switch
    {
        Languages.German => "German",
        Languages.Chinese => "Chinese",
        Languages.English => "English",
        _ => code,
    };
}
