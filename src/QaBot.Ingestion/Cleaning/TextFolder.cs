using System.Collections.Frozen;
using System.Text;

namespace QaBot.Ingestion.Cleaning;

/// <summary>
/// Folds a line for comparison with the boilerplate phrase lists: NFKC (full-width forms become
/// ASCII), lower case, and Traditional characters mapped to Simplified. The Traditional table covers
/// the vocabulary of site furniture (comments, recommendations, editors, reports), not all of Chinese.
/// </summary>
internal static class TextFolder
{
    private const string Traditional = "發評論請輸內長個動薦專題標閱讀關熱門聞擊轉載編輯責來饋舉報區歡網寫條點贊會員資訊體頁為們這說時對錄註冊帳號廣範圍覽計設選擇單無優惠種類紹導覽據誌連結與處";
    private const string Simplified = "发评论请输内长个动荐专题标阅读关热门闻击转载编辑责来馈举报区欢网写条点赞会员资讯体页为们这说时对录注册账号广范围览计设选择单无优惠种类绍导览据志连结与处";

    private static readonly FrozenDictionary<char, char> TraditionalToSimplified = BuildTable();

    public static string Fold(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(TraditionalToSimplified.TryGetValue(c, out var simplified) ? simplified : c);
        }

        return builder.ToString();
    }

    private static FrozenDictionary<char, char> BuildTable()
    {
        var table = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length; i++)
        {
            table[Traditional[i]] = Simplified[i];
        }

        return table.ToFrozenDictionary();
    }
}
