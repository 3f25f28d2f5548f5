using System.Diagnostics;
using QaBot.Core;

namespace QaBot.Evaluation;

/// <summary>Runs a question set through the answer service, one question at a time, and scores it.</summary>
public sealed class Evaluator(IAnswerService answers)
{
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
            var retrieved = answer.Retrieval.Passages.Select(p => p.Chunk.SourcePath).ToList();
            outcomes.Add(new QuestionOutcome(
                question,
                retrieved,
                answer.CitedSources.ToList(),
                answer.Refused,
                answer.Text,
                EvalMetricsCalculator.FirstHitRank(retrieved, question.Sources),
                latency,
                answer.Retrieval.Evidence.MatchedTermShare) { Passages = answer.Retrieval.Passages });
        }

        return EvalMetricsCalculator.Report(outcomes, settings);
    }
}
