using QaBot.Discord.Gateway;

namespace QaBot.Discord.Tests.Gateway;

public sealed class GatewayCloseCodePolicyTests
{
    [Theory]
    [InlineData(null, GatewayReconnectAction.Resume)]
    [InlineData(1000, GatewayReconnectAction.Resume)]
    [InlineData(1006, GatewayReconnectAction.Resume)]
    [InlineData(4000, GatewayReconnectAction.Resume)]
    [InlineData(4001, GatewayReconnectAction.Resume)]
    [InlineData(4002, GatewayReconnectAction.Resume)]
    [InlineData(4003, GatewayReconnectAction.Resume)]
    [InlineData(4005, GatewayReconnectAction.Resume)]
    [InlineData(4008, GatewayReconnectAction.Resume)]
    [InlineData(4007, GatewayReconnectAction.Identify)]
    [InlineData(4009, GatewayReconnectAction.Identify)]
    [InlineData(4004, GatewayReconnectAction.Stop)]
    [InlineData(4010, GatewayReconnectAction.Stop)]
    [InlineData(4011, GatewayReconnectAction.Stop)]
    [InlineData(4012, GatewayReconnectAction.Stop)]
    [InlineData(4013, GatewayReconnectAction.Stop)]
    [InlineData(4014, GatewayReconnectAction.Stop)]
    public void Decide_CloseCode_MatchesTheFactSheetTable(int? closeCode, GatewayReconnectAction expected)
    {
        var action = GatewayCloseCodePolicy.Decide(closeCode);

        Assert.Equal(expected, action);
    }

    [Fact]
    public void DescribeFatal_AuthenticationFailed_NamesTheConfigKey()
    {
        var message = GatewayCloseCodePolicy.DescribeFatal((int)GatewayCloseCode.AuthenticationFailed);

        Assert.Contains("Discord:Token", message, StringComparison.Ordinal);
    }
}
