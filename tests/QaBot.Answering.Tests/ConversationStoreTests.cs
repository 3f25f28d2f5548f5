using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace QaBot.Answering.Tests;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Add_MoreTurnsThanTheLimit_KeepsTheLatestOldestFirst()
    {
        // Arrange
        var store = Store(new ConversationOptions { MaxTurns = 2 });

        // Act
        store.Add("c", "q1", "a1");
        store.Add("c", "q2", "a2");
        store.Add("c", "q3", "a3");

        // Assert
        Assert.Equal(["q2", "q3"], store.Recent("c").Select(t => t.Question));
    }

    [Fact]
    public void Recent_TurnsOlderThanMaxAge_Forgotten()
    {
        // Arrange
        var store = Store(new ConversationOptions { MaxAge = TimeSpan.FromMinutes(30) });
        store.Add("c", "old", "a");
        _time.Advance(TimeSpan.FromMinutes(20));
        store.Add("c", "new", "a");

        // Act
        _time.Advance(TimeSpan.FromMinutes(11));
        var recent = store.Recent("c");
        _time.Advance(TimeSpan.FromMinutes(20));
        var later = store.Recent("c");

        // Assert
        Assert.Equal(["new"], recent.Select(t => t.Question));
        Assert.Empty(later);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Add_MoreConversationsThanTheLimit_ForgetsTheLeastRecentlyUsed()
    {
        // Arrange
        var store = Store(new ConversationOptions { MaxConversations = 2 });
        store.Add("a", "qa", "x");
        store.Add("b", "qb", "x");
        store.Add("a", "qa2", "x");

        // Act
        store.Add("c", "qc", "x");

        // Assert
        Assert.Equal(2, store.Count);
        Assert.Empty(store.Recent("b"));
        Assert.Equal(["qa", "qa2"], store.Recent("a").Select(t => t.Question));
        Assert.Single(store.Recent("c"));
    }

    [Fact]
    public void Recent_OtherConversation_SeesNoneOfItsTurns()
    {
        // Arrange
        var store = Store(new ConversationOptions());
        store.Add("thread-1", "q", "a");

        // Act + Assert
        Assert.Empty(store.Recent("thread-2"));
    }

    private ConversationStore Store(ConversationOptions options) => new(Options.Create(options), _time);
}
