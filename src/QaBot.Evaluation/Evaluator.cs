using System.Diagnostics;
using QaBot.Core;

namespace QaBot.Evaluation;

/// <summary>Runs a question set through the answer service, one question at a time, and scores it.</summary>
public sealed class Evaluator(IAnswerService answers, ISourceLanguageLookup sourceLanguages)
{
    private readonly AnswerTextMatcher _matcher = AnswerTextMatcher.Default;

    public async Task<EvalReport> RunAsync(IReadOnlyList<EvalQuestion> questions, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var outcomes = new List<QuestionOutcome>(questions.Count);
        foreach (var question in questions)
        {
            var stopwatch = Stopwatch.StartNew();
            // Each question is its own conversation: evaluation measures single-turn answers.
            var answer = await answers.AnswerAsync(new Question(question.Question, "eval:" + question.Id), cancellationToken);
            var latency = stopwatch.Elapsed.TotalMilliseconds;
            var passages = answer.Retrieval.Passages;
            var retrieved = passages.Select(p => p.Chunk.SourcePath).ToList();
            // Evidence is about retrieval, so it is counted from the passages even when the answer was refused.
            var evidenceRank = EvalMetricsCalculator.FirstEvidenceRank(passages.Select(p => p.Chunk.Text).ToList(), question, _matcher);
            outcomes.Add(new QuestionOutcome(
                question,
                retrieved,
                answer.CitedSources.ToList(),
                answer.Refused,
                answer.Text,
                EvalMetricsCalculator.FirstHitRank(retrieved, question.Sources),
                latency,
                answer.Retrieval.Evidence.MatchedTermShare)
            {
                Passages = passages,
                Candidates = answer.Retrieval.Candidates,
                SentenceCandidates = answer.Diagnostics.SentenceCandidates,
                EvidenceRank = evidenceRank,
                Answerability = answer.Retrieval.Evidence.Answerability,
                QuotedSentences = answer.Diagnostics.QuotedSentences,
                CheckedSentences = answer.Diagnostics.CheckedSentences,
                VerifiedSentences = answer.Diagnostics.VerifiedSentences,
                GateFeatures = answer.Retrieval.Evidence.GateFeatures,
                Direction = LanguageDirection.Label(question.Language, await PassageLanguageAsync(question, passages, evidenceRank, cancellationToken)),
            });
        }

        return EvalMetricsCalculator.Report(outcomes, settings);
    }

    /// <summary>The first evidence passage's language, else that of a retrieved chunk of the expected source, else the index's.</summary>
    private async Task<string?> PassageLanguageAsync(EvalQuestion question, IReadOnlyList<RetrievedPassage> passages, int? evidenceRank, CancellationToken cancellationToken)
    {
        if (evidenceRank is { } rank)
        {
            return passages.Take(rank).First(p => EvalMetricsCalculator.IsEvidencePassage(p.Chunk.Text, question, _matcher)).Chunk.Language;
        }

        if (question.Sources.Count == 0)
        {
            return null;
        }

        var expected = question.Sources[0];
        var retrievedChunk = passages.FirstOrDefault(p => EvalSourcePath.IsAmong(p.Chunk.SourcePath, [expected]));
        return retrievedChunk?.Chunk.Language ?? await sourceLanguages.FindAsync(expected, cancellationToken);
    }
}
