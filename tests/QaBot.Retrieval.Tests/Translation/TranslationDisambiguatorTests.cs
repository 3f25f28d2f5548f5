using QaBot.Analysis;
using QaBot.Index.Sqlite;
using QaBot.Retrieval.Translation;
using QaBot.Testing;

namespace QaBot.Retrieval.Tests.Translation;

public sealed class TranslationDisambiguatorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly SqliteChunkIndex _index;

    public TranslationDisambiguatorTests() =>
        _index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _directory.Combine("index.db") });

    public void Dispose()
    {
        _index.Dispose();
        _directory.Dispose();
    }

    private Task AddAsync(string path, string language, params string[] texts) => _index.AddPassagesAsync(path, language, texts);

    [Fact]
    public async Task ChooseAsync_SenseUsedBesideTheOtherTerms_KeepsItAndDropsTheOther()
    {
        // "check the signature": 检查 stands beside 签名 in the collection; 测试 appears only elsewhere.
        await AddAsync("zh.txt", "zh", "上传之前要检查软件包的签名。", "运行测试套件需要很长时间。", "测试结果保存在日志里。");

        var chosen = await new TranslationDisambiguator(_index, TextAnalyzer.Default)
            .ChooseAsync("zh", [["测试", "检查"], ["签名"]], CancellationToken.None);

        Assert.Equal(["检查"], chosen[0]);
        Assert.Equal(["签名"], chosen[1]);
    }

    [Fact]
    public async Task ChooseAsync_NoPassageHoldsTwoPhrases_KeepsEveryCandidate()
    {
        await AddAsync("zh.txt", "zh", "运行测试套件需要很长时间。", "签名放在文件末尾。");

        var chosen = await new TranslationDisambiguator(_index, TextAnalyzer.Default)
            .ChooseAsync("zh", [["测试", "检查"], ["天气"]], CancellationToken.None);

        Assert.Equal(["测试", "检查"], chosen[0]);
    }

    [Fact]
    public async Task ChooseAsync_SinglePhrase_IsReturnedUnchanged()
    {
        await AddAsync("zh.txt", "zh", "上传之前要检查软件包的签名。");
        IReadOnlyList<IReadOnlyList<string>> phrases = [["测试", "检查"]];

        var chosen = await new TranslationDisambiguator(_index, TextAnalyzer.Default).ChooseAsync("zh", phrases, CancellationToken.None);

        Assert.Same(phrases, chosen);
    }
}
