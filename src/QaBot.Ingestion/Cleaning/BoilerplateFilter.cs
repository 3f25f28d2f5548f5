using System.Text.RegularExpressions;
using QaBot.Core;
using QaBot.Ingestion.Reading;

namespace QaBot.Ingestion.Cleaning;

/// <summary>Why a block was taken out of an article.</summary>
internal enum BoilerplateReason
{
    SiteSection,
    Dateline,
    LanguagePicker,
    DashOnly,
    CommentBox,
    RecommendationList,
    FeedbackFooter,
    TitleDuplicate,
}

/// <summary>A block that the filter removed, and why.</summary>
internal sealed record RemovedBlock(TextBlock Block, BoilerplateReason Reason);

/// <summary>The article body that survived, what was removed, and the metadata the removed lines carried.</summary>
internal sealed record BoilerplateResult(
    IReadOnlyList<TextBlock> Kept,
    IReadOnlyList<RemovedBlock> Removed,
    DateTimeOffset? Date,
    string? DuplicatedTitle);

/// <summary>
/// Removes site furniture that scrapers copy along with an article (see BOILERPLATE.md for the rules
/// and their reasons). Every rule looks at a whole line or block, compared in folded form (lower case,
/// full-width to ASCII, Traditional to Simplified), so an article sentence that merely mentions
/// "recommended" or "评论" is kept. The only rule that reaches past one block is a recommendation
/// header, which also takes the short list-like lines right after it.
/// </summary>
internal static partial class BoilerplateFilter
{
    private const int MaxFurnitureWidth = 80;
    private const int MaxListEntryWidth = 100;
    private const int MaxSectionWordLength = 20;

    private static readonly HashSet<string> SectionWords = new(
        ["nachrichten", "news", "politik", "wirtschaft", "technik", "tech", "digital", "kultur", "wissen", "meinung", "新闻", "资讯", "科技", "财经", "首页", "头条"],
        StringComparer.Ordinal);

    private static readonly string[] CommentPrefixes =
    [
        "发表评论", "请输入评论", "我要评论", "网友评论", "写评论", "登录后评论", "评论区",
        "leave a comment", "leave a reply", "post a comment", "add a comment", "write a comment", "join the discussion",
        "kommentar schreiben", "kommentar verfassen", "schreiben sie einen kommentar", "ihr kommentar", "kommentieren",
    ];

    private static readonly HashSet<string> CommentHeaders = new(["评论", "comments", "kommentare"], StringComparer.Ordinal);

    private static readonly HashSet<string> RecommendationHeaders = new(
        [
            "最新活动", "推荐专题", "推荐阅读", "相关阅读", "相关文章", "相关推荐", "热门文章", "热门推荐", "热门资讯", "猜你喜欢",
            "延伸阅读", "更多阅读", "精彩推荐", "为你推荐",
            "recommended", "recommended for you", "recommended articles", "recommended stories", "recommended reading",
            "related", "related articles", "related posts", "related stories", "related content", "read more", "read next",
            "more stories", "latest news", "latest articles", "most popular", "most read", "trending", "popular",
            "you may also like", "you might also like",
            "empfohlen", "empfehlungen", "unsere empfehlungen", "das könnte sie auch interessieren",
            "das könnte dich auch interessieren", "mehr zum thema", "weitere artikel", "ähnliche artikel", "meistgelesen",
            "meistgelesene artikel", "auch interessant", "lesen sie auch", "neueste artikel",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string> FeedbackLines = new(
        [
            "feedback", "fehler melden", "fehler gefunden", "report an error",
            "report a problem", "反馈", "意见反馈", "举报", "纠错", "我要纠错", "分享", "分享到", "share", "share this article",
            "teilen", "artikel teilen",
        ],
        StringComparer.Ordinal);

    private static readonly char[] TrailingSeparators = [' ', ':', '>', '»', '›', '|', '/', '-', '–', '—', '…', '.', '。'];

    private static readonly string[] TrailingWords = ["更多", "more", "mehr", "all", "alle"];

    public static BoilerplateResult Filter(IReadOnlyList<TextBlock> blocks)
    {
        var kept = new List<TextBlock>(blocks.Count);
        var removed = new List<RemovedBlock>();
        DateTimeOffset? date = null;
        string? duplicatedTitle = null;
        var inRecommendationList = false;

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (inRecommendationList && IsListEntry(block))
            {
                removed.Add(new RemovedBlock(block, BoilerplateReason.RecommendationList));
                continue;
            }

            inRecommendationList = false;
            var reason = Classify(block, kept.Count == 0, i + 1 < blocks.Count ? blocks[i + 1] : null);
            if (reason is null)
            {
                kept.Add(block);
                continue;
            }

            removed.Add(new RemovedBlock(block, reason.Value));
            switch (reason.Value)
            {
                case BoilerplateReason.RecommendationList:
                    inRecommendationList = true;
                    break;
                case BoilerplateReason.Dateline when date is null && Dateline.TryParse(block.Text, out var parsed):
                    date = parsed;
                    break;
                case BoilerplateReason.TitleDuplicate:
                    duplicatedTitle ??= TitleDuplicate().Match(block.Text).Groups["title"].Value.Trim();
                    break;
            }
        }

        return new BoilerplateResult(kept, removed, date, duplicatedTitle);
    }

    private static BoilerplateReason? Classify(TextBlock block, bool atTop, TextBlock? next)
    {
        var text = block.Text;
        if (DashOnly().IsMatch(text))
        {
            return BoilerplateReason.DashOnly;
        }

        if (Dateline.TryParse(text, out _))
        {
            return BoilerplateReason.Dateline;
        }

        if (LanguagePicker.IsLanguagePicker(text))
        {
            return BoilerplateReason.LanguagePicker;
        }

        if (TextShape.Width(text) > MaxFurnitureWidth)
        {
            return TitleDuplicate().IsMatch(text) ? BoilerplateReason.TitleDuplicate : null;
        }

        var folded = TextFolder.Fold(text).Trim();
        var core = Core(folded);
        if (atTop && IsSiteSection(block, core, next))
        {
            return BoilerplateReason.SiteSection;
        }

        if (CommentHeaders.Contains(core) || CommentPrefixes.Any(prefix => folded.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return BoilerplateReason.CommentBox;
        }

        if (RecommendationHeaders.Contains(core))
        {
            return BoilerplateReason.RecommendationList;
        }

        if (FeedbackLines.Contains(core) || IsLabelPair(core) || LabelledFooter().IsMatch(folded))
        {
            return BoilerplateReason.FeedbackFooter;
        }

        return TitleDuplicate().IsMatch(text) ? BoilerplateReason.TitleDuplicate : null;
    }

    /// <summary>
    /// A kicker above the title: a known section word, or a single lower-case word in a plain paragraph
    /// followed by a title-like line (a category label that scrapers copy, never an article's first sentence).
    /// </summary>
    private static bool IsSiteSection(TextBlock block, string core, TextBlock? next)
    {
        if (SectionWords.Contains(core))
        {
            return true;
        }

        var text = block.Text.Trim();
        var lowerCaseWord = text.Length <= MaxSectionWordLength && text.All(c => char.IsLower(c) || c == '-');
        return lowerCaseWord && block.Kind == BlockKind.Paragraph && next is not null && TextShape.LooksLikeTitle(next.Text);
    }

    /// <summary>Two or three labels joined by "/" or "|" of which one is a feedback or share label ("report/feedback", "teilen | drucken").</summary>
    private static bool IsLabelPair(string core)
    {
        var parts = core.Split(['/', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is 2 or 3
            && parts.All(part => part.Length <= MaxSectionWordLength && !part.Contains(' ', StringComparison.Ordinal))
            && parts.Any(FeedbackLines.Contains);
    }

    /// <summary>Entries of a recommendation list: list items, dashes and short lines that do not end a sentence.</summary>
    private static bool IsListEntry(TextBlock block) =>
        block.Kind == BlockKind.ListItem
        || DashOnly().IsMatch(block.Text)
        || (TextShape.Width(block.Text) <= MaxListEntryWidth && !TextShape.EndsSentence(block.Text));

    /// <summary>The folded line without trailing separators and "more" links: "相關新聞更多" becomes "相关新闻".</summary>
    private static string Core(string folded)
    {
        var core = folded.TrimEnd(TrailingSeparators);
        foreach (var word in TrailingWords)
        {
            if (core.Length > word.Length && core.EndsWith(word, StringComparison.Ordinal))
            {
                core = core[..^word.Length].TrimEnd(TrailingSeparators);
            }
        }

        return core;
    }

    [GeneratedRegex(@"^[\p{Pd}_=*·•~\s]+$")]
    private static partial Regex DashOnly();

    // German compounds end in their head noun ("chefredakteur", "bildredaktion"), so a label ending in one counts.
    [GeneratedRegex(@"^(\p{L}*(editor|redakteur|redaktion)|责任编辑|编辑|quelle|source|来源|原文链接)\s*:")]
    private static partial Regex LabelledFooter();

    [GeneratedRegex(@"^\s*(原文標題|原文标题|original title|originaltitel)\s*[:：]\s*(?<title>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleDuplicate();
}
