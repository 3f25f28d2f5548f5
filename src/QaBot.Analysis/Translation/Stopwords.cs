namespace QaBot.Analysis.Translation;

/// <summary>Function words of questions that are never translated: they would only add noise to the other language's query.</summary>
internal static class Stopwords
{
    private static readonly HashSet<string> English = new(
        """
        a an the and or but if of to in on at by for from with about as into over under than then so not no nor
        is are was were be been being am do does did done doing have has had having will would shall should can could
        may might must i me my we our you your he him his she her it its they them their this that these those there here
        what which who whom whose when where why how many much some any each every all both few more most other such
        own same very just also only too again once up down out off s t according article articles say says said tell
        please
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly HashSet<string> German = new(
        """
        der die das den dem des ein eine einer einen einem eines und oder aber wenn als wie im in am an auf aus bei mit
        nach von vor zu zum zur für über unter um durch gegen ohne ist sind war waren wird werden wurde wurden sein
        hat haben hatte hatten kann können konnte mussten muss müssen soll sollen will wollen ich du er sie es wir ihr
        mein dein sein ihre ihren unser euer dieser diese dieses jener was wer wen wem wessen wann wo warum wieso weshalb
        welche welcher welches welchen wie viel viele nicht kein keine auch nur noch schon sehr so dass laut artikel
        lassen ließ man sich
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    private static readonly HashSet<string> Chinese = new(
        """
        的 了 是 在 和 与 及 或 吗 呢 吧 啊 么 哪 哪些 哪个 哪里 什么 怎么 怎样 如何 为什么 为何 多少 几 谁 这 那 这些 那些 这个 那个
        有 都 也 就 被 把 对 为 从 向 于 以 之 其 而 并 等 个 些 我 你 他 她 它 我们 你们 他们 请 根据 文章 一个
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether the lowercased word (or, for Chinese, the character sequence) is a stopword of <paramref name="language"/>.</summary>
    public static bool Contains(string language, string word) => language switch
    {
        Languages.English => English.Contains(word),
        Languages.German => German.Contains(word),
        Languages.Chinese => Chinese.Contains(word),
        _ => false,
    };

    /// <summary>Length of the longest Chinese stopword, for forward maximum matching.</summary>
    public static int MaxChineseLength { get; } = Chinese.Max(word => word.Length);
}
