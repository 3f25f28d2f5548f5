using QaBot.Analysis;
using QaBot.Core;
using QaBot.Ingestion.Chunking;

namespace QaBot.Ingestion.Tests.Chunking;

public sealed class SentenceAwareChunkerTests
{
    private static readonly DateTimeOffset ArticleDate = new(2024, 9, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Chunk_SentencesPastTheTarget_ClosesChunkBeforeTheSentenceThatWouldPassIt()
    {
        // Arrange: six 7-token sentences; two fit in 20 tokens, three do not.
        var sentences = Enumerable.Range(1, 6).Select(i => Sentence($"s{i}", 7)).ToList();
        var article = Article(new TextBlock(string.Join(' ', sentences), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal(
            [Join(sentences[0], sentences[1]), Join(sentences[2], sentences[3]), Join(sentences[4], sentences[5])],
            chunks.Select(c => c.Text));
    }

    [Fact]
    public void Chunk_SentenceThatExactlyFillsTheTarget_StaysInTheChunk()
    {
        // Arrange: 7 + 7 + 6 = 20 tokens.
        var article = Article(new TextBlock(Join(Sentence("s1", 7), Sentence("s2", 7), Sentence("s3", 6)), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        var chunk = Assert.Single(chunks);
        Assert.Equal(20, TokenEstimator.Count(chunk.Text));
    }

    [Fact]
    public void Chunk_Overlap_RepeatsTheLastWholeSentenceAtTheStartOfTheNextChunk()
    {
        // Arrange
        var sentences = Enumerable.Range(1, 6).Select(i => Sentence($"s{i}", 7)).ToList();
        var article = Article(new TextBlock(string.Join(' ', sentences), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 8).Chunk(article);

        // Assert
        Assert.Equal(
            [
                Join(sentences[0], sentences[1]), Join(sentences[1], sentences[2]), Join(sentences[2], sentences[3]),
                Join(sentences[3], sentences[4]), Join(sentences[4], sentences[5]),
            ],
            chunks.Select(c => c.Text));
    }

    [Fact]
    public void Chunk_OverlapSmallerThanTheLastSentence_RepeatsNothingRatherThanPartOfASentence()
    {
        // Arrange
        var sentences = Enumerable.Range(1, 4).Select(i => Sentence($"s{i}", 7)).ToList();
        var article = Article(new TextBlock(string.Join(' ', sentences), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 6).Chunk(article);

        // Assert
        Assert.Equal([Join(sentences[0], sentences[1]), Join(sentences[2], sentences[3])], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Chunk_OverlapOfSeveralSentences_TakesWholeSentencesFromTheEnd()
    {
        // Arrange: 4-token sentences, 9 tokens of overlap hold the last two.
        var sentences = Enumerable.Range(1, 8).Select(i => Sentence($"s{i}", 4)).ToList();
        var article = Article(new TextBlock(string.Join(' ', sentences), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 9).Chunk(article);

        // Assert
        Assert.Equal(Join(sentences[0], sentences[1], sentences[2], sentences[3], sentences[4]), chunks[0].Text);
        Assert.StartsWith(Join(sentences[3], sentences[4], sentences[5]), chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_OverlapAndNextSentenceTogetherPassTheTarget_OverlapShrinksToKeepTheTarget()
    {
        // Arrange: 8 + 8 tokens, then a 15-token sentence. Repeating the 8-token sentence would make 23 > 20.
        var first = Sentence("s1", 8);
        var second = Sentence("s2", 8);
        var long15 = Sentence("s3", 15);
        var article = Article(new TextBlock(Join(first, second, long15), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 10).Chunk(article);

        // Assert
        Assert.Equal([Join(first, second), long15], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.InRange(TokenEstimator.Count(c.Text), 1, 20));
    }

    [Fact]
    public void Chunk_ManySentencesWithOverlap_NoChunkPassesTheTarget()
    {
        // Arrange: sentences of varying length, none longer than the target.
        int[] lengths = [3, 9, 14, 5, 12, 2, 18, 7, 7, 11, 4, 16, 6, 1, 19, 8];
        var sentences = lengths.Select((n, i) => Sentence($"s{i}", n)).ToList();
        var article = Article(new TextBlock(string.Join(' ', sentences), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 10).Chunk(article);

        // Assert
        Assert.All(chunks, c => Assert.InRange(TokenEstimator.Count(c.Text), 1, 20));
        var seen = chunks.SelectMany(c => SentenceSplitter.Split(c.Text)).ToHashSet(StringComparer.Ordinal);
        Assert.All(sentences, s => Assert.Contains(s, seen));
    }

    [Fact]
    public void Chunk_HeadingAfterEnoughText_StartsANewChunkNamedAfterIt()
    {
        // Arrange
        var intro = Sentence("intro", 25);
        var body = Sentence("body", 25);
        var article = Article(
            new TextBlock(intro, 1, 1),
            new TextBlock("Challenges in AI implementation", 3, 3, BlockKind.Heading),
            new TextBlock(body, 4, 4));

        // Act
        var chunks = Chunker(target: 60, overlap: 10).Chunk(article);

        // Assert
        Assert.Equal(2, chunks.Count);
        Assert.Equal((intro, (string?)null, 1, 1), (chunks[0].Text, chunks[0].Section, chunks[0].StartLine, chunks[0].EndLine));
        Assert.Equal((body, "Challenges in AI implementation", 4, 4), (chunks[1].Text, chunks[1].Section, chunks[1].StartLine, chunks[1].EndLine));
        Assert.Equal(["Challenges in AI implementation"], chunks[1].HeadingPath);
        Assert.Empty(chunks[0].HeadingPath);
    }

    [Fact]
    public void Chunk_HeadingAfterASizeSplit_NoOverlapCarriedAcrossTheHeading()
    {
        // Arrange: the previous section ends in a full chunk; its last sentence must not open the next section.
        var sentences = Enumerable.Range(1, 4).Select(i => Sentence($"s{i}", 10)).ToList();
        var article = Article(
            new TextBlock(string.Join(' ', sentences), 1, 1),
            new TextBlock("Next section", 2, 2, BlockKind.Heading),
            new TextBlock(Sentence("body", 10), 3, 3));

        // Act
        var chunks = Chunker(target: 30, overlap: 10).Chunk(article);

        // Assert
        var last = chunks[^1];
        Assert.Equal(Sentence("body", 10), last.Text);
        Assert.Equal(("Next section", 3, 3), (last.Section, last.StartLine, last.EndLine));
    }

    [Fact]
    public void Chunk_HeadingRightAfterASplitLeavesLittleNewText_StillStartsANewChunk()
    {
        // Arrange: 44 + 10 tokens fill the first chunk; the 7-token sentence then opens a chunk with the
        // 10-token overlap, 17 tokens in all: below a third of the target, but all of it was already cut from
        // the first section and must not be merged into the next one.
        var s1 = Sentence("s1", 44);
        var s2 = Sentence("s2", 10);
        var s3 = Sentence("s3", 7);
        var body = Sentence("body", 30);
        var article = Article(
            new TextBlock(Join(s1, s2, s3), 1, 1),
            new TextBlock("Section two", 5, 5, BlockKind.Heading),
            new TextBlock(body, 6, 6));

        // Act
        var chunks = Chunker(target: 60, overlap: 15).Chunk(article);

        // Assert
        Assert.Equal([Join(s1, s2), Join(s2, s3), body], chunks.Select(c => c.Text));
        Assert.Equal([null, null, "Section two"], chunks.Select(c => c.Section));
        Assert.Equal([(1, 1), (1, 1), (6, 6)], chunks.Select(c => (c.StartLine, c.EndLine)));
    }

    [Fact]
    public void Chunk_HeadingAfterAStub_StubStaysInItsOwnSection()
    {
        // Arrange: a title heading and a one-line standfirst (a stub) before the first section.
        var standfirst = Sentence("standfirst", 5);
        var body = Sentence("body", 20);
        var article = Article(
            new TextBlock("Article title", 1, 1, BlockKind.Heading),
            new TextBlock(standfirst, 2, 2),
            new TextBlock("First section", 4, 4, BlockKind.Heading),
            new TextBlock(body, 5, 5));

        // Act
        var chunks = Chunker(target: 60, overlap: 10).Chunk(article);

        // Assert: no chunk spans two sections, even a small one.
        Assert.Equal([standfirst, body], chunks.Select(c => c.Text));
        Assert.Equal(["Article title", "First section"], chunks.Select(c => c.Section));
        Assert.Equal([(2, 2), (5, 5)], chunks.Select(c => (c.StartLine, c.EndLine)));
    }

    [Fact]
    public void Chunk_NestedHeadingLevels_HeadingPathOutermostFirst()
    {
        // Arrange
        var article = Article(
            new TextBlock("Chapter 4", 1, 1, BlockKind.Heading) { Level = 1 },
            new TextBlock("4.3 PAM", 2, 2, BlockKind.Heading) { Level = 2 },
            new TextBlock("4.3.1 Configuration", 3, 3, BlockKind.Heading) { Level = 3 },
            new TextBlock("Edit the file.", 4, 4),
            new TextBlock("4.4 Kerberos", 5, 5, BlockKind.Heading) { Level = 2 },
            new TextBlock("Get a ticket.", 6, 6),
            new TextBlock("Chapter 5", 7, 7, BlockKind.Heading) { Level = 1 },
            new TextBlock("Next chapter.", 8, 8));

        // Act
        var chunks = Chunker(target: 60, overlap: 10).Chunk(article);

        // Assert
        Assert.Equal(["Edit the file.", "Get a ticket.", "Next chapter."], chunks.Select(c => c.Text));
        Assert.Equal(["Chapter 4", "4.3 PAM", "4.3.1 Configuration"], chunks[0].HeadingPath);
        Assert.Equal(["Chapter 4", "4.4 Kerberos"], chunks[1].HeadingPath);
        Assert.Equal(["Chapter 5"], chunks[2].HeadingPath);
        Assert.Equal(["4.3.1 Configuration", "4.4 Kerberos", "Chapter 5"], chunks.Select(c => c.Section));
    }

    [Fact]
    public void Chunk_HeadingsOnly_KeptAsTextSoTheArticleIsNotEmpty()
    {
        // Arrange
        var article = Article(new TextBlock("Release notes", 1, 1, BlockKind.Heading), new TextBlock("Older releases", 2, 2, BlockKind.Heading));

        // Act
        var chunk = Assert.Single(Chunker(target: 60, overlap: 0).Chunk(article));

        // Assert
        Assert.Equal("Release notes\nOlder releases", chunk.Text);
    }

    [Fact]
    public void Chunk_TableLongerThanAChunk_RowsWholeAndEveryChunkOpensWithTheHeader()
    {
        // Arrange: a header and six 5-token rows; 16 tokens hold the 3-token header and two rows.
        const string header = "Package | Version";
        var rows = Enumerable.Range(1, 6).Select(i => new TextBlock($"pkg{i} one two | {i}.0", i + 1, i + 1, BlockKind.TableRow) { TableHeader = header }).ToList();
        var article = Article([new TextBlock(header, 1, 1, BlockKind.TableRow) { TableHeader = header }, .. rows]);

        // Act
        var chunks = Chunker(target: 16, overlap: 8).Chunk(article);

        // Assert
        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.StartsWith(header + "\n", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Single(c.Text.Split('\n'), l => l == header));
        var quotedRows = chunks.SelectMany(c => c.Text.Split('\n').Skip(1)).ToList();
        Assert.Equal(rows.Select(r => r.Text), quotedRows);
        Assert.Equal(1, chunks[0].StartLine);
        Assert.All(chunks.Skip(1), c => Assert.Equal(c.StartLine, rows.First(r => c.Text.Contains(r.Text, StringComparison.Ordinal)).StartLine));
    }

    [Fact]
    public void Chunk_CodeBlockUnderTheMaximum_KeptWholeWithItsIndentation()
    {
        // Arrange
        const string code = "    apt-get update\n    apt-get install foo. bar\n";
        var article = Article(new TextBlock("Run this:", 1, 1), new TextBlock(code, 2, 3, BlockKind.Code));

        // Act
        var chunk = Assert.Single(Chunker(target: 60, overlap: 0).Chunk(article));

        // Assert
        Assert.Equal("Run this:\n    apt-get update\n    apt-get install foo. bar", chunk.Text);
    }

    [Fact]
    public void Chunk_CodeBlockOverTheMaximum_CutOnlyAtLineBreaks()
    {
        // Arrange: twelve 5-token lines, 60 tokens, over the 30-token maximum.
        var lines = Enumerable.Range(1, 12).Select(i => $"  cmd{i} --a --b --c --d").ToList();
        var article = Article(new TextBlock(string.Join('\n', lines), 1, 12, BlockKind.Code));

        // Act
        var chunks = Chunker(target: 20, overlap: 10, maxSentence: 30).Chunk(article);

        // Assert
        Assert.True(chunks.Count >= 3);
        Assert.Equal(lines, chunks.SelectMany(c => c.Text.Split('\n')));
    }

    [Fact]
    public void Chunk_LongSingleLineWithPositions_EveryChunkCitesItsExactColumns()
    {
        // Arrange: a 2,600-character source line of sentences, the block offset by two columns (markup before it).
        var sentences = Enumerable.Range(1, 100).Select(i => $"Sentence {i} is about the line.").ToList();
        var text = string.Join(' ', sentences);
        var sourceLine = "<p" + text + "</p>";
        var positions = Enumerable.Range(0, text.Length).Select(i => new SourcePosition(7, i + 3)).ToList();
        var article = Article(new TextBlock(text, 7, 7) { StartColumn = 3, EndColumn = 2 + text.Length, Positions = positions });

        // Act
        var chunks = Chunker(target: 40, overlap: 7).Chunk(article);

        // Assert
        Assert.True(text.Length > 2_600 && chunks.Count > 10);
        Assert.All(chunks, c =>
        {
            Assert.Equal((7, 7), (c.StartLine, c.EndLine));
            Assert.Equal(c.Text, sourceLine[(c.StartColumn - 1)..c.EndColumn]);
        });
        Assert.Equal(3, chunks[0].StartColumn);
        Assert.Equal(2 + text.Length, chunks[^1].EndColumn);
    }

    [Fact]
    public void Chunk_MultiLineBlockWithPositions_SpanEndsOnTheLineOfTheLastCharacter()
    {
        // Arrange: "One two. Three four." where "Three four." sits on line 2 of the source.
        const string text = "One two. Three four.";
        var positions = text.Select((_, i) => i < 9 ? new SourcePosition(1, i + 1) : new SourcePosition(2, i - 8)).ToList();
        var article = Article(new TextBlock(text, 1, 2) { Positions = positions }, new TextBlock("Same line two.", 2, 2) { StartColumn = 13 });

        // Act
        var chunks = Chunker(target: 3, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal(["One two.", "Three four.", "Same line two."], chunks.Select(c => c.Text));
        Assert.Equal([(1, 1, 1, 0), (2, 1, 2, 11), (2, 13, 2, 0)], chunks.Select(c => (c.StartLine, c.StartColumn, c.EndLine, c.EndColumn)));
    }

    [Fact]
    public void Chunk_LongLineWithoutPositions_ChunksCiteTheBlocksSpan()
    {
        // Arrange
        var text = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"Sentence {i} is here."));
        var article = Article(new TextBlock(text, 3, 3) { StartColumn = 5, EndColumn = 0 });

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.Equal((3, 5, 3, 0), (c.StartLine, c.StartColumn, c.EndLine, c.EndColumn)));
    }

    [Fact]
    public void Chunk_BlocksOnTwoPages_PageCopiedAndNoChunkSpansBothPages()
    {
        // Arrange
        var article = Article(new TextBlock("First page text.", 3, 3) { Page = 1 }, new TextBlock("Second page text.", 1, 1) { Page = 2 });

        // Act
        var chunks = Chunker(target: 200, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal([(1, "First page text."), (2, "Second page text.")], chunks.Select(c => (c.Page, c.Text)));
    }

    [Fact]
    public void Chunk_SectionLongerThanOneChunk_EveryChunkOfItCarriesTheHeading()
    {
        // Arrange
        var sentences = Enumerable.Range(1, 9).Select(i => Sentence($"s{i}", 9)).ToList();
        var article = Article(
            new TextBlock("Group 3: Challenges", 1, 1, BlockKind.Heading),
            new TextBlock(string.Join(' ', sentences), 2, 2));

        // Act
        var chunks = Chunker(target: 30, overlap: 9).Chunk(article);

        // Assert
        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.Equal("Group 3: Challenges", c.Section));
        Assert.All(chunks, c => Assert.Equal(["Group 3: Challenges"], c.HeadingPath));
        Assert.All(chunks, c => Assert.DoesNotContain("Group 3", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_TooLongSentenceWithoutClauseMarks_CutAtWordsIntoPiecesOfAtMostTheTarget()
    {
        // Arrange: 50 words in one sentence, over the 30-token maximum.
        var words = Enumerable.Range(1, 50).Select(i => $"w{i}").ToList();
        var sentence = string.Join(' ', words) + ".";
        var article = Article(new TextBlock(sentence, 7, 7));

        // Act
        var chunks = Chunker(target: 20, overlap: 0, maxSentence: 30).Chunk(article);

        // Assert
        Assert.Equal([20, 20, 10], chunks.Select(c => TokenEstimator.Count(c.Text)));
        Assert.Equal(sentence, string.Join(' ', chunks.Select(c => c.Text)));
        Assert.All(chunks, c => Assert.Equal((7, 7), (c.StartLine, c.EndLine)));
    }

    [Fact]
    public void Chunk_TooLongSentenceWithCommas_CutAfterClauseMarks()
    {
        // Arrange: five 8-token clauses, 40 tokens, over the 30-token maximum.
        var clauses = Enumerable.Range(1, 5).Select(i => $"c{i} " + string.Join(' ', Enumerable.Repeat("word", 7))).ToList();
        var sentence = string.Join(", ", clauses) + ".";
        var article = Article(new TextBlock(sentence, 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 0, maxSentence: 30).Chunk(article);

        // Assert: two clauses (16 tokens) fit in 20, a third would not; no clause is cut.
        Assert.Equal([$"{clauses[0]}, {clauses[1]},", $"{clauses[2]}, {clauses[3]},", $"{clauses[4]}."], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Chunk_TooLongChineseSentence_CutAtCommasAndRejoinedWithoutSpaces()
    {
        // Arrange: three clauses of 12 Han characters, 36 tokens, over the 30-token maximum.
        const string clause = "东莞滨海湾新区有二十二万家";
        var sentence = $"{clause}，{clause}，{clause}。";
        var article = Article(new TextBlock(sentence, 2, 2));

        // Act
        var chunks = Chunker(target: 20, overlap: 0, maxSentence: 30).Chunk(article);

        // Assert
        Assert.Equal([$"{clause}，", $"{clause}，", $"{clause}。"], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.Equal(Languages.Chinese, c.Language));
    }

    [Fact]
    public void Chunk_TooLongChineseClause_CutBetweenCharacters()
    {
        // Arrange: 45 Han characters without any mark.
        var sentence = string.Concat(Enumerable.Repeat("人工智能产业生态", 6))[..45];
        var article = Article(new TextBlock(sentence, 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 0, maxSentence: 30).Chunk(article);

        // Assert
        Assert.Equal([20, 20, 5], chunks.Select(c => TokenEstimator.Count(c.Text)));
        Assert.Equal(sentence, string.Concat(chunks.Select(c => c.Text)));
    }

    [Fact]
    public void Chunk_SentenceBetweenTargetAndMaximum_KeptWhole()
    {
        // Arrange
        var sentence = Sentence("s1", 25);
        var article = Article(new TextBlock(Join(Sentence("s0", 5), sentence), 1, 1));

        // Act
        var chunks = Chunker(target: 20, overlap: 0, maxSentence: 30).Chunk(article);

        // Assert
        Assert.Equal(sentence, chunks[^1].Text);
    }

    [Fact]
    public void Chunk_SentencesOfSeveralBlocks_BlocksOnTheirOwnLinesSentencesJoinedLikeTheOriginal()
    {
        // Arrange
        var article = Article(
            new TextBlock("First one. Second one.", 1, 1),
            new TextBlock("这是第一句。这是第二句。", 3, 4),
            new TextBlock("AI也是如此。Then English.", 6, 6),
            new TextBlock("A list item", 7, 7, BlockKind.ListItem));

        // Act
        var chunks = Chunker(target: 200, overlap: 0).Chunk(article);

        // Assert
        var chunk = Assert.Single(chunks);
        Assert.Equal("First one. Second one.\n这是第一句。这是第二句。\nAI也是如此。Then English.\nA list item", chunk.Text);
        Assert.Equal((1, 7), (chunk.StartLine, chunk.EndLine));
    }

    [Fact]
    public void Chunk_ChunksFromDifferentBlocks_CiteTheLinesOfTheirOwnBlocks()
    {
        // Arrange
        var first = Sentence("first", 15);
        var second = Sentence("second", 15);
        var third = Sentence("third", 15);
        var article = Article(new TextBlock(first, 1, 2), new TextBlock(second, 4, 6), new TextBlock(third, 9, 9));

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal([(1, 2), (4, 6), (9, 9)], chunks.Select(c => (c.StartLine, c.EndLine)));
    }

    [Fact]
    public void Chunk_OverlapFromAnEarlierBlock_ChunkStartsAtThatBlocksLine()
    {
        // Arrange
        var article = Article(
            new TextBlock(Join(Sentence("a1", 8), Sentence("a2", 8)), 1, 1),
            new TextBlock(Sentence("b1", 10), 3, 3));

        // Act
        var chunks = Chunker(target: 20, overlap: 8).Chunk(article);

        // Assert
        Assert.Equal(2, chunks.Count);
        Assert.Equal((1, 3), (chunks[1].StartLine, chunks[1].EndLine));
        Assert.StartsWith(Sentence("a2", 8) + "\n", chunks[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_AnyArticle_ChunksCarryArticleDataAndConsecutiveIndexes()
    {
        // Arrange
        var article = Article(
            new TextBlock(string.Join(' ', Enumerable.Range(1, 6).Select(i => Sentence($"s{i}", 7))), 1, 1),
            new TextBlock("滨海湾新区是一个人工智能训练场。这里有很多企业。", 2, 2));

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.All(chunks, c => Assert.Equal(("dir/article.txt", "A title", (DateTimeOffset?)ArticleDate), (c.SourcePath, c.Title, c.Date)));
        Assert.Equal(Languages.English, chunks[0].Language);
        Assert.Equal(Languages.Chinese, chunks[^1].Language);
    }

    [Fact]
    public void Chunk_ArticleWithoutTitle_ChunksNamedAfterTheFile()
    {
        // Arrange
        var article = new CleanArticle("news/untitled.md", ArticleMetadata.Empty, [new TextBlock("Just text.", 1, 1)]);

        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(article);

        // Assert
        Assert.Equal("untitled.md", Assert.Single(chunks).Title);
    }

    [Fact]
    public void Chunk_NoBlocks_NoChunks()
    {
        // Act
        var chunks = Chunker(target: 20, overlap: 0).Chunk(Article());

        // Assert
        Assert.Empty(chunks);
    }

    [Fact]
    public void Version_DifferentSizes_DifferentVersions()
    {
        // Arrange
        var a = Chunker(target: 160, overlap: 32);
        var b = Chunker(target: 160, overlap: 32);
        var c = Chunker(target: 160, overlap: 16);

        // Act / Assert
        Assert.Equal(a.Version, b.Version);
        Assert.NotEqual(a.Version, c.Version);
        Assert.NotEqual(a.Version, Chunker(target: 120, overlap: 32).Version);
        Assert.NotEqual(a.Version, Chunker(target: 160, overlap: 32, maxSentence: 200).Version);
    }

    private static SentenceAwareChunker Chunker(int target, int overlap, int maxSentence = 240) =>
        new(new ChunkingOptions { TargetTokens = target, OverlapTokens = overlap, MaxSentenceTokens = maxSentence });

    private static CleanArticle Article(params TextBlock[] blocks) =>
        new("dir/article.txt", new ArticleMetadata("A title", ArticleDate), blocks);

    /// <summary>A sentence of exactly <paramref name="tokens"/> estimated tokens, told apart by its first word.</summary>
    private static string Sentence(string tag, int tokens) => tag + string.Concat(Enumerable.Repeat(" word", tokens - 1)) + ".";

    private static string Join(params string[] sentences) => string.Join(' ', sentences);
}
