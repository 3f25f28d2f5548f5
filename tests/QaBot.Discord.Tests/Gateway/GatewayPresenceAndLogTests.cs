using QaBot.Discord.Tests.Fakes;

namespace QaBot.Discord.Tests.Gateway;

public sealed class GatewayPresenceAndLogTests
{
    [Fact]
    public async Task SetStatusTextAsync_Connected_SendsCustomStatusPresence()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Client.SetStatusTextAsync("Indexing: 120 of 400 files", CancellationToken.None);
        var presence = await harness.Gateway.NextOpAsync(3);

        var activity = presence.D!["activities"]![0]!;
        Assert.Equal(4, activity["type"]!.GetValue<int>());
        Assert.Equal("Indexing: 120 of 400 files", activity["state"]!.GetValue<string>());
        Assert.Equal("online", presence.D["status"]!.GetValue<string>());
        Assert.Null(presence.D["since"]);
    }

    [Fact]
    public async Task SetStatusTextAsync_BeforeConnecting_IdentifyCarriesThePresence()
    {
        await using var harness = new GatewayHarness();
        await harness.Client.SetStatusTextAsync("Ready", CancellationToken.None);

        await harness.StartReadyAsync();
        var identify = await harness.Gateway.NextOpAsync(2);

        Assert.Equal("Ready", identify.D!["presence"]!["activities"]![0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_ConnectionDropped_LogsOneWarningWithReasonAndRetryTimeWithoutStackTrace()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.DropLiveAsync();
        await harness.Gateway.NextOpAsync(6);

        var warnings = harness.Logs.Entries.Where(e => e.StartsWith("Warning", StringComparison.Ordinal) || e.StartsWith("Error", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(warnings);
        Assert.Contains("[3009]", line, StringComparison.Ordinal);
        Assert.Contains("dropped", line, StringComparison.Ordinal);
        Assert.Contains("retrying in", line, StringComparison.Ordinal);
        Assert.Contains(" at ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ReconnectRequested_LogsAtInformationOnly()
    {
        await using var harness = new GatewayHarness();
        await harness.StartReadyAsync();

        await harness.Gateway.SendRawAsync("""{"op":7,"d":null}""");
        await harness.Gateway.NextOpAsync(6);

        Assert.DoesNotContain(harness.Logs.Entries, e => e.StartsWith("Warning", StringComparison.Ordinal) || e.StartsWith("Error", StringComparison.Ordinal));
        Assert.True(harness.Logs.Contains("[3020]"));
    }
}
