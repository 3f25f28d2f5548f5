using QaBot.Discord.Models;

namespace QaBot.DiscordBot.Tests;

public sealed class MentionParserTests
{
    private const ulong BotId = 100;

    [Theory]
    [InlineData("<@100> what is RAG?", "what is RAG?")]
    [InlineData("<@!100>   what is RAG?", "what is RAG?")]
    [InlineData("so <@100>, what is RAG?", "so , what is RAG?")]
    public void TryGetQuestion_Mention_StripsTheBotMention(string content, string expected)
    {
        var found = MentionParser.TryGetQuestion(Message(content, mentionsBot: true), BotId, inConversationThread: false, out var question);

        Assert.True(found);
        Assert.Equal(expected, question);
    }

    [Fact]
    public void TryGetQuestion_BotAuthor_IsIgnored()
    {
        var message = Message("<@100> hi", mentionsBot: true) with { Author = new DiscordUser { Id = 5, Bot = true } };

        Assert.False(MentionParser.TryGetQuestion(message, BotId, inConversationThread: false, out _));
    }

    [Fact]
    public void TryGetQuestion_WebhookOrSelf_IsIgnored()
    {
        Assert.False(MentionParser.TryGetQuestion(Message("<@100> hi", true) with { WebhookId = 9 }, BotId, inConversationThread: false, out _));
        Assert.False(MentionParser.TryGetQuestion(Message("<@100> hi", true) with { Author = new DiscordUser { Id = BotId } }, BotId, inConversationThread: false, out _));
    }

    [Fact]
    public void TryGetQuestion_GuildMessageWithoutMention_IsIgnored()
    {
        Assert.False(MentionParser.TryGetQuestion(Message("what is RAG?", mentionsBot: false), BotId, inConversationThread: false, out _));
    }

    [Fact]
    public void TryGetQuestion_ConversationThreadWithoutMention_IsAFollowUp()
    {
        var found = MentionParser.TryGetQuestion(Message("and  what about chunks?", mentionsBot: false), BotId, inConversationThread: true, out var question);

        Assert.True(found);
        Assert.Equal("and what about chunks?", question);
    }

    [Fact]
    public void TryGetQuestion_ConversationThreadWithoutContentIntent_IsIgnored()
    {
        Assert.False(MentionParser.TryGetQuestion(Message("", mentionsBot: false), BotId, inConversationThread: true, out _));
    }

    [Fact]
    public void TryGetQuestion_OnlyAMention_IsNotAQuestion()
    {
        Assert.False(MentionParser.TryGetQuestion(Message("<@100>", mentionsBot: true), BotId, inConversationThread: false, out _));
    }

    private static DiscordMessage Message(string content, bool mentionsBot) => new()
    {
        Id = 1,
        ChannelId = 2,
        GuildId = 3,
        Author = new DiscordUser { Id = 4 },
        Content = content,
        Mentions = mentionsBot ? [new DiscordUser { Id = BotId }] : [],
    };
}
