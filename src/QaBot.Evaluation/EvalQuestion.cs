using System.Text.Json;
using System.Text.Json.Serialization;

namespace QaBot.Evaluation;

/// <summary>One question of an evaluation set (the format of eval/dev.jsonl).</summary>
public sealed record EvalQuestion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("lang")] string? Language,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("answer_any")] IReadOnlyList<IReadOnlyList<string>> AnswerAny,
    [property: JsonPropertyName("kind")] string Kind)
{
    public bool IsAnswerable => Sources.Count > 0;
}

/// <summary>Reads a JSON-lines question set; a bad line is an error naming the file and line.</summary>
public static class EvalSetReader
{
    public static IReadOnlyList<EvalQuestion> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The question set '{Path.GetFullPath(path)}' does not exist. Pass an existing JSON-lines file to --set.", path);
        }

        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            EvalQuestion? question;
            try
            {
                question = JsonSerializer.Deserialize<EvalQuestion>(line);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a valid question object ({exception.Message}).", exception);
            }

            if (question is null || string.IsNullOrWhiteSpace(question.Id) || string.IsNullOrWhiteSpace(question.Question) || question.Sources is null || question.AnswerAny is null || string.IsNullOrWhiteSpace(question.Kind))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a question needs id, question, sources, answer_any and kind.");
            }

            questions.Add(question);
        }

        return questions;
    }
}
