using QaBot.Discord.Gateway;

namespace QaBot.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    [Fact]
    public void TryAdvance_SeenOrOlderSequence_ReturnsFalse()
    {
        var session = new GatewaySession();
        session.TryAdvance(5);

        Assert.False(session.TryAdvance(5));
        Assert.False(session.TryAdvance(3));
        Assert.True(session.TryAdvance(6));
        Assert.Equal(6, session.Sequence);
    }

    [Fact]
    public void Reset_AfterReady_ForgetsSessionAndSequence()
    {
        var session = new GatewaySession();
        session.Start("abc", new Uri("wss://resume.example/"));
        session.TryAdvance(9);

        session.Reset();

        Assert.False(session.CanResume);
        Assert.Null(session.Sequence);
        Assert.True(session.TryAdvance(1));
    }
}
