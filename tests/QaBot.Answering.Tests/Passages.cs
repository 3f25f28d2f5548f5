using QaBot.Core;

namespace QaBot.Answering.Tests;

/// <summary>Builders for retrieval results, as a retriever would return them.</summary>
internal static class Passages
{
    public static RetrievedPassage Passage(int rank, string source, int startLine, int endLine, string text, string title = "A title", string language = "en") =>
        new(new Chunk(source, rank - 1, title, null, null, startLine, endLine, language, text), rank, 1.0 / rank, []);

    public static RetrievalResult Result(bool isRelevant, IReadOnlyList<RetrievedPassage> passages, IReadOnlyList<string>? terms = null, IReadOnlyDictionary<string, double>? weights = null) =>
        new(passages, new RetrievalEvidence(terms?.Count ?? 0, isRelevant ? 1 : 0.1, 5, [], []), isRelevant, [new QueryDiagnostics("original", "en", terms ?? [], [])], TimeSpan.FromMilliseconds(3))
        {
            TermWeights = weights ?? new Dictionary<string, double>(),
        };
}
