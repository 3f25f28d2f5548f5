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

    /// <summary>A <c>multi</c> question: its answer_any groups are answered by several passages together.</summary>
    public bool NeedsSeveralPassages => string.Equals(Kind, "multi", StringComparison.Ordinal);
}

/// <summary>Reads a JSON-lines question set; a bad line is an error naming the file and line.</summary>
public static class EvalSetReader
{
    private static readonly JsonLinesFormat Format = new(
        "question set", "question object", "Pass an existing JSON-lines file to --set.", "a question needs id, question, sources, answer_any and kind");

    public static IReadOnlyList<EvalQuestion> Read(string path) =>
        JsonLinesFile.Read<EvalQuestion>(path, Format, question =>
            !string.IsNullOrWhiteSpace(question.Id) && !string.IsNullOrWhiteSpace(question.Question) && question.Sources is not null
            && question.AnswerAny is not null && !string.IsNullOrWhiteSpace(question.Kind));
}
