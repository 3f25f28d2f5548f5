using QaBot.Analysis;

namespace QaBot.Answering;

/// <summary>What the bot says when the collection does not answer a question, in the question's language.</summary>
public static class RefusalMessages
{
    public static string NotCovered(string language) => language switch
    {
        Languages.German => "Die Artikelsammlung beantwortet diese Frage nicht; ich habe dazu keine passende Stelle gefunden.",
        Languages.Chinese => "文章库中没有能回答这个问题的内容。",
        _ => "The article collection does not cover this question; I found no passage that answers it.",
    };
}
