using QaBot.Core;

namespace QaBot.Answering;

/// <summary>What the bot says when the collection does not answer a question, in the question's language.</summary>
public static class RefusalMessages
{
    public static string NotCovered(string language) => AnswerTexts.NotCovered(language);
}
