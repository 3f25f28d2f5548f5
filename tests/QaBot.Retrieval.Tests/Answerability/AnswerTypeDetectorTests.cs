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
    [InlineData("Which command signs the upload?", AnswerType.Technical)]
    [InlineData("Mit welchem Werkzeug prüfe ich das Paket?", AnswerType.Technical)]
    [InlineData("应该执行什么命令？", AnswerType.Technical)]
    [InlineData("設定檔放在哪個目錄？", AnswerType.Technical)]
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
    [InlineData(AnswerType.Technical, "Run dpkg-buildpackage with -sa.", true)]
    [InlineData(AnswerType.Technical, "Edit /etc/fstab first.", true)]
    [InlineData(AnswerType.Technical, "執行 debsign 後上傳 foo.changes。", true)]
    [InlineData(AnswerType.Technical, "Ask the maintainer before you upload.", false)]
    [InlineData(AnswerType.Open, "anything", true)]
    public void Holds_PassageText_TellsWhetherItHoldsTheType(AnswerType type, string text, bool expected) =>
        Assert.Equal(expected, AnswerTypeDetector.Holds(type, text));
}
