using QaBot.Testing;

namespace QaBot.Evaluation.Tests;

public sealed class EvalSetReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_DevSet_FourteenQuestionsWithTheirFields()
    {
        // Act
        var questions = EvalSetReader.Read(TestCorpus.DevSetPath);

        // Assert
        Assert.Equal(14, questions.Count);
        var d06 = Assert.Single(questions, q => q.Id == "d06");
        Assert.Equal(("en", "factual", true), (d06.Language, d06.Kind, d06.IsAnswerable));
        Assert.Equal(["004_f9dad41751f58670.txt"], d06.Sources);
        Assert.Equal(["220,000", "220000", "22万"], Assert.Single(d06.AnswerAny));
        var d12 = Assert.Single(questions, q => q.Id == "d12");
        Assert.False(d12.IsAnswerable);
        Assert.Empty(d12.AnswerAny);
        Assert.Equal(["crosslingual", "factual", "multi", "unanswerable"], questions.Select(q => q.Kind).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_BlankLines_SkippedButCountedInLineNumbers()
    {
        // Arrange
        var path = _directory.WriteFile("set.jsonl", $"{Line("a")}\n\n   \n{Line("b")}\n");

        // Act
        var questions = EvalSetReader.Read(path);

        // Assert
        Assert.Equal(["a", "b"], questions.Select(q => q.Id));
    }

    [Fact]
    public void Read_MalformedJsonLine_InvalidDataExceptionNamingFileAndLine()
    {
        // Arrange
        var path = _directory.WriteFile("set.jsonl", $"{Line("a")}\n\n{{\"id\": \"b\", \"question\": \n{Line("c")}\n");

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => EvalSetReader.Read(path));

        // Assert
        Assert.StartsWith($"{path}:3: not a valid question object", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"question": "Q?", "sources": [], "answer_any": [], "kind": "factual"}""")]
    [InlineData("""{"id": "x", "sources": [], "answer_any": [], "kind": "factual"}""")]
    [InlineData("""{"id": "x", "question": "Q?", "answer_any": [], "kind": "factual"}""")]
    [InlineData("""{"id": "x", "question": "Q?", "sources": [], "kind": "factual"}""")]
    [InlineData("""{"id": "x", "question": "Q?", "sources": [], "answer_any": []}""")]
    [InlineData("""{"id": " ", "question": "Q?", "sources": [], "answer_any": [], "kind": "factual"}""")]
    [InlineData("null")]
    public void Read_QuestionMissingARequiredField_InvalidDataExceptionNamingTheLine(string line)
    {
        // Arrange
        var path = _directory.WriteFile("set.jsonl", $"{Line("a")}\n{line}\n");

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => EvalSetReader.Read(path));

        // Assert
        Assert.Equal($"{path}:2: a question needs id, question, sources, answer_any and kind.", exception.Message);
    }

    [Fact]
    public void Read_WrongTypeForAField_InvalidDataExceptionNamingTheLine()
    {
        // Arrange
        var path = _directory.WriteFile("set.jsonl", """{"id": "x", "question": "Q?", "sources": "a.txt", "answer_any": [], "kind": "factual"}""");

        // Act
        var exception = Assert.Throws<InvalidDataException>(() => EvalSetReader.Read(path));

        // Assert
        Assert.StartsWith($"{path}:1:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_FileNotFoundNamingTheFileAndTheOption()
    {
        // Arrange
        var path = _directory.Combine("missing.jsonl");

        // Act
        var exception = Assert.Throws<FileNotFoundException>(() => EvalSetReader.Read(path));

        // Assert
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("--set", exception.Message, StringComparison.Ordinal);
    }

    private static string Line(string id) =>
        $$"""{"id": "{{id}}", "question": "Q {{id}}?", "lang": "en", "sources": ["a.txt"], "answer_any": [["x"]], "kind": "factual"}""";
}
