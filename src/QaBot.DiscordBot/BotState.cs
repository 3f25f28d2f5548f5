using System.Collections.Concurrent;

namespace QaBot.DiscordBot;

/// <summary>What the bot learned at READY, and the threads it opened (their ids are conversation ids).</summary>
internal sealed class BotState
{
    private readonly ConcurrentDictionary<ulong, byte> _threads = new();

    public ulong BotUserId { get; set; }

    public ulong ApplicationId { get; set; }

    public bool CommandsRegistered { get; set; }

    public void AddThread(ulong threadId) => _threads.TryAdd(threadId, 0);

    public bool IsConversationThread(ulong channelId) => _threads.ContainsKey(channelId);
}
