using Microsoft.Extensions.Options;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// The recent turns of every conversation (a REPL session, a Discord thread), bounded three ways: turns per
/// conversation, age of a turn, and number of conversations (least recently used forgotten first), so memory
/// stays bounded however many conversations run.
/// </summary>
public sealed class ConversationStore(IOptions<ConversationOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Conversation>> _byId = new(StringComparer.Ordinal);

    // Most recently used first; the last node is the one to forget.
    private readonly LinkedList<Conversation> _recency = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>The turns of the conversation that are young enough to matter, oldest first.</summary>
    public IReadOnlyList<ConversationTurn> Recent(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var oldest = timeProvider.GetUtcNow() - options.Value.MaxAge;
        lock (_lock)
        {
            if (!_byId.TryGetValue(conversationId, out var node))
            {
                return [];
            }

            node.Value.Turns.RemoveAll(t => t.At < oldest);
            if (node.Value.Turns.Count == 0)
            {
                Forget(node);
                return [];
            }

            return [.. node.Value.Turns];
        }
    }

    /// <param name="searchedAs">The question as it was searched, when a follow-up was combined with its context.</param>
    public void Add(string conversationId, string question, string answer, string? searchedAs = null)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var settings = options.Value;
        lock (_lock)
        {
            if (_byId.TryGetValue(conversationId, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }
            else
            {
                node = _recency.AddFirst(new Conversation(conversationId));
                _byId[conversationId] = node;
                while (_byId.Count > settings.MaxConversations)
                {
                    Forget(_recency.Last!);
                }
            }

            var turns = node.Value.Turns;
            turns.Add(new ConversationTurn(question, answer, timeProvider.GetUtcNow()) { SearchedAs = searchedAs ?? question });
            if (turns.Count > settings.MaxTurns)
            {
                turns.RemoveRange(0, turns.Count - settings.MaxTurns);
            }
        }
    }

    private void Forget(LinkedListNode<Conversation> node)
    {
        _recency.Remove(node);
        _byId.Remove(node.Value.Id);
    }

    private sealed record Conversation(string Id)
    {
        public List<ConversationTurn> Turns { get; } = [];
    }
}
