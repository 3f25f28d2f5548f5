using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering.Tests;

public sealed class FollowUpQuestionCombinerTests
{
    private readonly FollowUpQuestionCombiner _combiner = new(TextAnalyzer.Default);

    [Fact]
    public void Combine_WhatAboutAnotherCompany_TakesThePlaceOfThePreviousName()
    {
        var rewritten = _combiner.Combine("and what about Google?", History("How much does Meta plan to spend on AI this year?"));

        Assert.True(rewritten.WasCondensed);
        Assert.Equal("How much does Google plan to spend on AI this year?", rewritten.Standalone);
    }

    [Fact]
    public void Combine_GermanFollowUp_ReplacesTheNameNotTheNoun()
    {
        var rewritten = _combiner.Combine("Und Siemens?", History("Wie viele Mitarbeiter hat Bosch?"));

        Assert.Equal("Wie viele Mitarbeiter hat Siemens?", rewritten.Standalone);
    }

    [Fact]
    public void Combine_FollowUpNarrowingByPlace_IsAddedToThePreviousQuestion()
    {
        var rewritten = _combiner.Combine("and in Germany?", History("How many employees does Acme have?"));

        Assert.Equal("How many employees does Acme have in Germany?", rewritten.Standalone);
    }

    [Fact]
    public void Combine_ChineseFollowUpWithoutLatinName_AddsItsWordsToThePreviousQuestion()
    {
        var rewritten = _combiner.Combine("那谷歌呢？", History("Meta今年在人工智能上花多少钱？"));

        Assert.Equal("Meta今年在人工智能上花多少钱谷歌？", rewritten.Standalone);
    }

    [Fact]
    public void Combine_ChainedFollowUps_BuildOnWhatThePreviousTurnSearched()
    {
        var history = new[]
        {
            new ConversationTurn("How much does Meta plan to spend on AI?", "…", DateTimeOffset.UnixEpoch),
            new ConversationTurn("and Google?", "…", DateTimeOffset.UnixEpoch) { SearchedAs = "How much does Google plan to spend on AI?" },
        };

        var rewritten = _combiner.Combine("what about Amazon?", history);

        Assert.Equal("How much does Amazon plan to spend on AI?", rewritten.Standalone);
    }

    [Theory]
    [InlineData("Who founded the company that builds the rockets?")]
    [InlineData("Which tool uploads a package to the archive?")]
    [InlineData("Wer hat das Projekt gegründet?")]
    public void Combine_QuestionThatStandsOnItsOwn_SearchedAsAsked(string question)
    {
        var rewritten = _combiner.Combine(question, History("How much does Meta plan to spend on AI?"));

        Assert.False(rewritten.WasCondensed);
        Assert.Equal(question, rewritten.Standalone);
    }

    [Fact]
    public void Combine_NoHistory_SearchedAsAsked()
    {
        var rewritten = _combiner.Combine("and what about Google?", []);

        Assert.False(rewritten.WasCondensed);
        Assert.Equal("and what about Google?", rewritten.Standalone);
    }

    private static ConversationTurn[] History(string question) => [new ConversationTurn(question, "An answer [1].", DateTimeOffset.UnixEpoch)];
}
