using QaBot.Analysis;
using QaBot.Answering.Composition;

namespace QaBot.Answering.Tests;

public sealed class QuestionPartsTests
{
    [Theory]
    [InlineData("Which command signs the .dsc file, and which daemon picks the upload out of the queue?", "Which command signs the .dsc file", "which daemon picks the upload out of the queue?")]
    [InlineData("Wer hat das Debian-Projekt gegründet, und in welchem Jahr?", "Wer hat das Debian-Projekt gegründet", "in welchem Jahr?")]
    [InlineData("Wie teste ich das Entfernen meines Pakets und welches Werkzeug automatisiert solche Tests?", "Wie teste ich das Entfernen meines Pakets", "welches Werkzeug automatisiert solche Tests?")]
    [InlineData("用什么命令检查软件包，又用哪个工具上传？", "用什么命令检查软件包", "用哪个工具上传？")]
    [InlineData("Which file holds the settings, and in which directory is it?", "Which file holds the settings", "in which directory is it?")]
    public void Split_QuestionAskingTwoThings_GivesEachPart(string question, string first, string second)
    {
        Assert.Equal([first, second], QuestionParts.Split(question, TextAnalyzer.DetectLanguage(question)));
    }

    [Theory]
    [InlineData("When I file a bug report, which tags should I use?")] // a conditional clause, no "and" before the question
    [InlineData("系统装好后无法启动，怎样进入安装程序的救援模式？")] // the clause before the comma asks nothing
    [InlineData("Wie sorge ich dafür, dass die Datei alle Einträge enthält?")]
    [InlineData("Which packages provide mail and news servers?")] // "and" joins two nouns, not two questions
    [InlineData("How do I build and upload a package?")]
    [InlineData("The fix was merged, and when will it ship?")] // English "was" is no interrogative
    [InlineData("怎么配置代理，几乎每次都失败？")] // 几乎 (almost) asks nothing
    public void Split_QuestionAskingOneThing_StaysWhole(string question)
    {
        Assert.Equal([question], QuestionParts.Split(question, TextAnalyzer.DetectLanguage(question)));
    }
}
