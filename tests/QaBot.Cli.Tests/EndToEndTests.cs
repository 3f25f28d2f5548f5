using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Core;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Cli.Tests;

/// <summary>
/// One ingest of a copy of the real corpus, through the real host (index, ingest, retrieval, answering),
/// shared by the class because ingest builds the translation table and is slow.
/// </summary>
public sealed class IngestedCorpusFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public string CorpusPath { get; private set; } = string.Empty;

    public string DataPath { get; private set; } = string.Empty;

    public IHost Host { get; private set; } = null!;

    public IngestReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        CorpusPath = TestCorpus.CopyTo(_directory);
        DataPath = _directory.Combine("data");
        Host = QaBotHost.Build(QaBotCommandLine.Build().Parse(["ingest", "--corpus", CorpusPath, "--data", DataPath]));
        await Host.StartAsync();
        Report = await Host.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(CorpusPath, progress: null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    public void Dispose() => _directory.Dispose();
}

[Collection(ConsoleTestGroup.Name)]
public sealed class EndToEndTests(IngestedCorpusFixture fixture) : IClassFixture<IngestedCorpusFixture>
{
    private const string BinhaiQuestion = "How many industrial enterprises are in the East Guangdong Binhai Bay New Area?";
    private const string Article004 = "004_f9dad41751f58670.txt";

    [Fact]
    public void Ingest_RealCorpus_AllFiveArticlesAdded()
    {
        // Assert
        Assert.Equal(5, fixture.Report.Count(FileOutcome.Added));
        Assert.False(fixture.Report.HasFailures);
        Assert.True(File.Exists(Path.Combine(fixture.DataPath, "index.db")));
    }

    [Fact]
    public async Task AnswerAsync_BinhaiEnterpriseQuestion_Answers220000CitingArticle004LineOne()
    {
        // Arrange
        var answers = fixture.Host.Services.GetRequiredService<IAnswerService>();

        // Act
        var answer = await answers.AnswerAsync(new Question(BinhaiQuestion), CancellationToken.None);

        // Assert
        Assert.False(answer.Refused, answer.Text);
        Assert.Contains("220,000", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.SourcePath == Article004);

        // The sentence with the number carries the marker of a citation of 004, line 1 (the article is one long line).
        var marker = Regex.Match(answer.Text, @"220,000.*?[.!?。][”“„""」]? \[(\d+)\]");
        Assert.True(marker.Success, answer.Text);
        var citation = answer.Citations[int.Parse(marker.Groups[1].Value, CultureInfo.InvariantCulture) - 1];
        Assert.Equal((Article004, 1, 1), (citation.SourcePath, citation.StartLine, citation.EndLine));
        Assert.Equal("当AI寻找场景,东莞滨海湾亮出「产业生态」解法", citation.Title);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));
    }

    [Theory]
    [InlineData("What large model did SF Express build with Huawei Cloud's Ascend cloud service?", "002_04e0f95e4107c13c.txt", "fengyu")]
    [InlineData("Which edition of the World Artificial Intelligence Conference was WAIC 2021?", "001_af5985cb6347c87b.txt", "第四")]
    public async Task RetrieveAsync_EnglishQuestionAboutForeignArticle_RanksThatArticleFirstOffline(string question, string article, string answerPart)
    {
        // Arrange: the German (002) and the Chinese (001) article, asked about in English, with no model and no network.
        var retriever = fixture.Host.Services.GetRequiredService<IRetriever>();
        var answers = fixture.Host.Services.GetRequiredService<IAnswerService>();

        // Act
        var retrieval = await retriever.RetrieveAsync(new RetrievalRequest(question), CancellationToken.None);
        var answer = await answers.AnswerAsync(new Question(question), CancellationToken.None);

        // Assert
        Assert.Equal(article, retrieval.Passages[0].Chunk.SourcePath);
        Assert.True(retrieval.IsRelevant);
        Assert.Contains(retrieval.Queries, q => q.Label.StartsWith("dictionary:", StringComparison.Ordinal));
        Assert.Contains(answerPart, answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.Citations, c => c.SourcePath == article);
    }

    [Theory]
    [InlineData("What is the capital of Australia?")]
    [InlineData("What was Baidu's revenue in 2023?")]
    public async Task AnswerAsync_QuestionTheCollectionDoesNotCover_RefusesWithoutSources(string question)
    {
        var answers = fixture.Host.Services.GetRequiredService<IAnswerService>();

        var answer = await answers.AnswerAsync(new Question(question), CancellationToken.None);

        Assert.True(answer.Refused, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Contains("does not cover", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskCommand_BinhaiEnterpriseQuestion_PrintsTheAnswerAndTheSourceLine()
    {
        // Arrange
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build()
            .Parse(["ask", "--corpus", fixture.CorpusPath, "--data", fixture.DataPath, BinhaiQuestion])
            .InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("220,000", console.Out, StringComparison.Ordinal);
        // The article is one long line: a chunk of it is cited by column (file:1:c-1:c).
        Assert.Matches(@"\[\d\] 004_f9dad41751f58670\.txt:1(:\d+-1:\d+)?( \(§[^)]*\))? — 当AI寻找场景", console.Out);
        Assert.DoesNotContain("The index is empty", console.Error, StringComparison.Ordinal);
    }
}
