using System.Collections.Concurrent;

namespace QaBot.DiscordBot;

/// <summary>
/// What the bot learned at READY, and the threads it opened (their ids are conversation ids). The threads are kept
/// in <see cref="BotStateStore"/> too, so a restarted bot still treats them as conversations.
/// </summary>
internal sealed class BotState
{
    private readonly ConcurrentDictionary<ulong, byte> _threads = new();
    private readonly BotStateStore _store;
    private readonly TimeProvider _timeProvider;

    public BotState(BotStateStore store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
        foreach (var thread in store.LoadThreads())
        {
            _threads.TryAdd(thread, 0);
        }
    }

    public ulong BotUserId { get; set; }

    public ulong ApplicationId { get; set; }

    public bool CommandsRegistered { get; set; }

    public void AddThread(ulong threadId)
    {
        if (_threads.TryAdd(threadId, 0))
        {
            _store.AddThread(threadId, _timeProvider.GetUtcNow());
        }
    }

    public bool IsConversationThread(ulong channelId) => _threads.ContainsKey(channelId);
}
