using QaBot.Retrieval.Answerability;

namespace QaBot.Retrieval.Tests.Answerability;

public sealed class AnswerTypeDetectorTests
{
    [Theory]
    [InlineData("How many packages does the archive hold?", AnswerType.Number)]
    [InlineData("Wie viele Pakete gibt es?", AnswerType.Number)]
    [InlineData("这个仓库有多少个软件包？", AnswerType.Number)]
    [InlineData("When was the release published?", AnswerType.Date)]
    [InlineData("Wann erschien die Version?", AnswerType.Date)]
    [InlineData("这个版本什么时候发布的？", AnswerType.Date)]
    [InlineData("Who maintains the package?", AnswerType.Name)]
    [InlineData("Wer betreut das Paket?", AnswerType.Name)]
    [InlineData("谁维护这个软件包？", AnswerType.Name)]
    [InlineData("How do I configure the network?", AnswerType.Open)]
    [InlineData("Warum schlägt der Start fehl?", AnswerType.Open)]
    public void Detect_InterrogativeWords_GiveTheAskedType(string question, AnswerType expected) =>
        Assert.Equal(expected, AnswerTypeDetector.Detect(question));

    [Theory]
    [InlineData(AnswerType.Number, "The archive holds 60,000 packages.", true)]
    [InlineData(AnswerType.Number, "Es gibt zwei Varianten.", true)]
    [InlineData(AnswerType.Number, "软件包有三万个。", true)]
    [InlineData(AnswerType.Number, "The archive holds many packages.", false)]
    [InlineData(AnswerType.Date, "It was published in March.", true)]
    [InlineData(AnswerType.Date, "It was published recently.", false)]
    [InlineData(AnswerType.Name, "the package is maintained by Jane Doe.", true)]
    [InlineData(AnswerType.Name, "the package is maintained by a team.", false)]
    [InlineData(AnswerType.Open, "anything", true)]
    public void Holds_PassageText_TellsWhetherItHoldsTheType(AnswerType type, string text, bool expected) =>
        Assert.Equal(expected, AnswerTypeDetector.Holds(type, text));
}
