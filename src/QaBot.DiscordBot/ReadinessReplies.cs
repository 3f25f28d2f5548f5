using System.Globalization;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>
/// What the bot says while the index cannot answer yet, in the question's language. Never a refusal: an empty or
/// half-built index says nothing about whether the collection covers the question.
/// </summary>
public static class ReadinessReplies
{
    /// <summary>The reply for <paramref name="state"/> (not <see cref="IndexPhase.Ready"/>) to a question in <paramref name="language"/>.</summary>
    public static string For(IndexState state, string language)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase switch
        {
            IndexPhase.Failed => Failed(language),
            IndexPhase.Empty => Empty(language),
            _ => StillIndexing(state, language),
        };
    }

    private static string StillIndexing(IndexState state, string language)
    {
        var counted = state.FilesTotal > 0;
        return language switch
        {
            Languages.German => counted
                ? Format($"Ich indexiere die Sammlung noch ({state.FilesDone} von {state.FilesTotal} Dateien); frag bitte in einer Minute noch einmal.")
                : "Ich indexiere die Sammlung noch; frag bitte in einer Minute noch einmal.",
            Languages.Chinese => counted
                ? Format($"我还在为文档库建立索引（已完成 {state.FilesDone}/{state.FilesTotal} 个文件），请一分钟后再问。")
                : "我还在为文档库建立索引，请一分钟后再问。",
            _ => counted
                ? Format($"I'm still indexing the collection ({state.FilesDone} of {state.FilesTotal} files); ask again in a minute.")
                : "I'm still indexing the collection; ask again in a minute.",
        };
    }

    private static string Empty(string language) => language switch
    {
        Languages.German => "Es sind noch keine Dokumente indexiert, daher kann ich noch nicht antworten. Jemand muss Dokumente hinzufügen und `qabot ingest` ausführen.",
        Languages.Chinese => "目前还没有索引任何文档，所以暂时无法回答。需要有人添加文档并运行 `qabot ingest`。",
        _ => "No documents are indexed yet, so I can't answer. Someone needs to add documents and run `qabot ingest`.",
    };

    private static string Failed(string language) => language switch
    {
        Languages.German => "Ich kann noch nicht antworten: Das Indexieren der Sammlung ist fehlgeschlagen. Jemand muss das Protokoll prüfen und `qabot ingest` ausführen.",
        Languages.Chinese => "暂时无法回答：文档库索引失败。需要有人查看日志并运行 `qabot ingest`。",
        _ => "I can't answer yet: indexing the collection failed. Someone needs to check the log and run `qabot ingest`.",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
