using QaBot.Analysis.Translation;

namespace QaBot.Analysis.Tests.Translation;

public sealed class CollectionTermMinerTests
{
    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase) { "package management", "install", "graphics card" };

    private static readonly HashSet<string> Chinese = ["显卡", "英伟达", "厂商"];

    private static CollectionTermMiner NewMiner() =>
        new((phrase, language) => language == Languages.Chinese ? Chinese.Contains(phrase) : English.Contains(phrase));

    [Theory]
    [InlineData("我们使用显卡（GPU）来训练。", "显卡", "GPU")]
    [InlineData("我们使用显卡(GPU)来训练。", "显卡", "GPU")]
    [InlineData("这是显卡 (graphics card)。", "显卡", "graphics card")]
    public void Add_ChineseTermWithBracketedEquivalent_PairsThem(string text, string chinese, string latin)
    {
        var miner = NewMiner();

        miner.Add(text, Languages.Chinese);

        var entry = Assert.Single(miner.Entries(), e => e.English.Contains(latin));
        Assert.Equal(chinese, entry.Chinese[0]);
    }

    [Fact]
    public void Mine_FindingsAddedLaterInTheSameOrder_GiveTheEntriesOfAddingThePassages()
    {
        // An identity pair first, then an equivalent for the same name, then a German pair: order decides the merge.
        (string Text, string Language)[] passages =
        [
            ("用 NVIDIA 的驱动。", Languages.Chinese),
            ("英伟达（NVIDIA）是显卡厂商。", Languages.Chinese),
            ("Die Paketverwaltung (package management) ist zentral.", Languages.German),
        ];
        var direct = NewMiner();
        foreach (var (text, language) in passages)
        {
            direct.Add(text, language);
        }

        var findings = passages.Select(p => NewMiner().Mine(p.Text, p.Language)).ToList();
        var replayed = NewMiner();
        foreach (var found in findings)
        {
            replayed.Add(found);
        }

        Assert.Equal(direct.Entries().Select(Describe), replayed.Entries().Select(Describe));
        Assert.Equal(["英伟达", "NVIDIA"], replayed.Entries().Single(e => e.English[0] == "NVIDIA").Chinese);
    }

    private static string Describe(GlossaryEntry entry) =>
        string.Join("|", entry.English) + "=" + string.Join("|", entry.German) + "=" + string.Join("|", entry.Chinese);

    [Fact]
    public void Add_LatinNameWithBracketedChinese_PairsThem()
    {
        var miner = NewMiner();

        miner.Add("安装 Debian（蝶变）以后", Languages.Chinese);

        Assert.Contains(miner.Entries(), e => e.English.Contains("Debian") && e.Chinese.Contains("蝶变"));
    }

    [Fact]
    public void Add_LatinTokensInChineseText_BecomeIdentityPairs()
    {
        var miner = NewMiner();

        miner.Add("在 Windows 上编辑 /etc/fstab，然后用 systemd 和 dpkg 安装。", Languages.Chinese);

        var entries = miner.Entries();
        foreach (var token in new[] { "Windows", "/etc/fstab", "systemd", "dpkg" })
        {
            var entry = Assert.Single(entries, e => e.English.Contains(token));
            Assert.Equal([token], entry.Chinese);
        }
    }

    [Fact]
    public void Add_PlainEnglishWordInChineseText_IsNotAnIdentityPair()
    {
        var miner = NewMiner();

        miner.Add("运行 install 命令", Languages.Chinese);

        Assert.Empty(miner.Entries());
    }

    [Fact]
    public void Add_GermanTermWithEnglishInBrackets_PairsThem()
    {
        var miner = NewMiner();

        miner.Add("Die Paketverwaltung (package management) ist wichtig.", Languages.German);

        var entry = Assert.Single(miner.Entries());
        Assert.Equal(["package management"], entry.English);
        Assert.Equal(["Paketverwaltung"], entry.German);
    }

    [Fact]
    public void Add_GermanAbbreviationInBrackets_IsNotATranslation()
    {
        var miner = NewMiner();

        miner.Add("Künstliche Intelligenz (KI) ist ein Gebiet.", Languages.German);

        Assert.Empty(miner.Entries());
    }

    [Fact]
    public void Add_EquivalentAfterIdentity_RanksTheEquivalentFirst()
    {
        var miner = NewMiner();

        miner.Add("NVIDIA 发布了。", Languages.Chinese);
        miner.Add("显卡厂商英伟达（NVIDIA）", Languages.Chinese);

        var entry = Assert.Single(miner.Entries());
        Assert.Equal(["英伟达", "NVIDIA"], entry.Chinese);
    }
}
