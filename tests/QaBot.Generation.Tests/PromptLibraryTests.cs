using QaBot.Testing;

namespace QaBot.Generation.Tests;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Load_ShippedPrompts_AllThreeWithTheirDeclaredVariables()
    {
        // Act
        var prompts = PromptLibrary.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));

        // Assert
        Assert.Equal(["language", "noAnswer", "passages", "question"], prompts.Answer.Metadata.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["history", "question"], prompts.Condense.Metadata.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["languages", "question"], prompts.Translate.Metadata.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_FileNotFoundNamingItAndTheKey()
    {
        // Arrange
        CopyShipped();
        File.Delete(_directory.Combine(PromptLibrary.CondenseFile));

        // Act
        var error = Assert.Throws<FileNotFoundException>(() => PromptLibrary.Load(_directory.Path));

        // Assert
        Assert.Contains("condense.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chat:PromptsPath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: Answer\ntemplate: [unclosed, list\ninput_variables: x", "not valid YAML")]
    [InlineData("name: Answer\ntemplate: \"{{$question}} {{$passages}} {{$language}} {{$noAnswer}} {{$secret}}\"\ninput_variables:\n  - name: question\n  - name: passages\n  - name: language\n  - name: noAnswer\n", "{{$secret}} but input_variables does not declare it")]
    [InlineData("name: Answer\ntemplate: \"{{$question}}\"\ninput_variables:\n  - name: question\n", "input_variables must declare 'passages'")]
    [InlineData("name: Answer\ntemplate: \"<message role='system'>a <<< b {{$question}} {{$passages}} {{$language}} {{$noAnswer}}</message>\"\ninput_variables:\n  - name: question\n  - name: passages\n  - name: language\n  - name: noAnswer\n", "not well-formed XML")]
    public void Load_MalformedAnswerPrompt_InvalidDataNamingTheFileAndTheProblem(string yaml, string problem)
    {
        // Arrange
        CopyShipped();
        File.WriteAllText(_directory.Combine(PromptLibrary.AnswerFile), yaml);

        // Act
        var error = Assert.Throws<InvalidDataException>(() => PromptLibrary.Load(_directory.Path));

        // Assert
        Assert.Contains("answer.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private void CopyShipped()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "prompts")))
        {
            File.Copy(file, _directory.Combine(Path.GetFileName(file)));
        }
    }
}
