using System.Globalization;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>The bot's custom status for an index state: people see in the member list whether it can answer yet.</summary>
public static class PresenceText
{
    public static string For(IndexState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Phase switch
        {
            IndexPhase.Ready => "Ready: mention me or use /ask",
            IndexPhase.Ingesting when state.FilesTotal > 0 =>
                string.Create(CultureInfo.InvariantCulture, $"Indexing: {state.FilesDone} of {state.FilesTotal} files"),
            IndexPhase.Ingesting => "Indexing: starting",
            IndexPhase.Failed => "Index failed: not answering",
            _ => "No documents indexed",
        };
    }
}
