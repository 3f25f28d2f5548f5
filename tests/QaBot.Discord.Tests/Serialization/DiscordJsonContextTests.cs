using System.Text.Json;
using QaBot.Discord.Gateway;
using QaBot.Discord.Models;
using QaBot.Discord.Serialization;

namespace QaBot.Discord.Tests.Serialization;

public sealed class DiscordJsonContextTests
{
    [Fact]
    public void Serialize_HeartbeatBeforeAnyDispatch_WritesNullD()
    {
        var json = JsonSerializer.Serialize(new GatewayCommand<long?>(1, null), DiscordJsonContext.Default.GatewayCommandNullableInt64);

        Assert.Equal("""{"op":1,"d":null}""", json);
    }

    [Fact]
    public void Serialize_Resume_WritesSnakeCaseFields()
    {
        var command = new GatewayCommand<ResumeData>(6, new ResumeData { Token = "t", SessionId = "s", Seq = 42 });

        var json = JsonSerializer.Serialize(command, DiscordJsonContext.Default.GatewayCommandResumeData);

        Assert.Equal("""{"op":6,"d":{"token":"t","session_id":"s","seq":42}}""", json);
        Assert.DoesNotContain("\"t\"", command.D.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SnowflakeAsStringOrNumber_ReadsUlong()
    {
        var user = JsonSerializer.Deserialize("""{"id":"18446744073709551615","username":"a"}""", DiscordJsonContext.Default.DiscordMessage.Options.GetTypeInfo(typeof(DiscordUser)));
        var fromNumber = JsonSerializer.Deserialize("""{"id":7,"channel_id":"1","author":{"id":"2"}}""", DiscordJsonContext.Default.DiscordMessage);

        Assert.Equal(ulong.MaxValue, Assert.IsType<DiscordUser>(user).Id);
        Assert.Equal(7UL, fromNumber!.Id);
    }

    [Fact]
    public void Serialize_AllowedMentionsWithUsers_WritesSnowflakesAsStrings()
    {
        var request = new CreateMessageRequest { Content = "x", AllowedMentions = new AllowedMentions { Users = [123UL] } };

        var json = JsonSerializer.Serialize(request, DiscordJsonContext.Default.CreateMessageRequest);

        Assert.Equal("""{"content":"x","allowed_mentions":{"parse":[],"users":["123"]}}""", json);
    }

    [Fact]
    public void Deserialize_MessageWithoutRequiredAuthor_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"1","channel_id":"2"}""", DiscordJsonContext.Default.DiscordMessage));
    }
}
