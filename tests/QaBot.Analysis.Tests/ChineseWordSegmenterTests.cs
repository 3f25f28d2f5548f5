using System.Text;
using JiebaNet.Segmenter;

namespace QaBot.Analysis.Tests;

/// <summary>Our cut must be jieba.NET's exact mode without HMM, word for word: jieba.NET is the oracle.</summary>
public class ChineseWordSegmenterTests
{
    private static readonly JiebaSegmenter Jieba = new();

    [Theory]
    [InlineData("我们使用显卡驱动程序")]
    [InlineData("软件包管理系统的配置文件在哪里")]
    [InlineData("中华人民共和国成立了")]
    [InlineData("研究生命起源")]
    [InlineData("网卡驱动")]
    [InlineData("𠀀中文〇")]
    [InlineData("使用apt-get安装软件包")]
    public void Cut_Sentence_MatchesJieba(string text)
    {
        Assert.Equal(Oracle(text), ChineseWordSegmenter.Cut(text));
    }

    [Fact]
    public void Cut_GeneratedTextOfDictionaryWords_MatchesJiebaOnEveryText()
    {
        var words = File.ReadLines(ChineseWordSegmenter.DictionaryPath).Select(l => l.Split(' ')[0]).Where(w => w.Length > 0).ToArray();
        // Beside dictionary words: single characters of the blocks jieba splits on and outside them (extension A,
        // compatibility ideographs, U+9FD6.., a surrogate pair), letters and digits, and whitespace.
        string[] extras = ["\u3400", "\uF900", "\u9FEA", "\u3007", "\uD840\uDC00", "a", "Z", "7", "·", "-", " ", "\r\n", "的", "了"];
        var random = new Random(20261202);
        var mismatches = new List<string>();
        for (var n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 8);
            for (var p = 0; p < parts; p++)
            {
                var word = random.Next(4) == 0 ? extras[random.Next(extras.Length)] : words[random.Next(words.Length)];
                // Sometimes only part of a word, so that prefixes and overlaps meet.
                text.Append(word.Length > 2 && random.Next(3) == 0 ? word[..random.Next(1, word.Length)] : word);
            }

            var sample = text.ToString();
            if (!Oracle(sample).SequenceEqual(ChineseWordSegmenter.Cut(sample)))
            {
                mismatches.Add(sample);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Cut_SingleCharacter_ReturnsItUnchanged()
    {
        Assert.Equal(["的"], ChineseWordSegmenter.Cut("的"));
    }

    private static List<string> Oracle(string text) =>
        text.Length <= 1 ? [text] : Jieba.Cut(text, cutAll: false, hmm: false).Where(w => w.Length > 0).ToList();
}
