using QaBot.Core;

namespace QaBot.Cli.Output;

/// <summary>Prints an answer as it is written, then its checked sources and who answered.</summary>
public static class AnswerStreamPrinter
{
    public static async Task<Answer> PrintAsync(IAnswerService answers, Question question, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(output);
        var started = false;
        await foreach (var update in answers.StreamAsync(question, cancellationToken))
        {
            switch (update)
            {
                case AnswerTextDelta delta:
                    var text = started ? delta.Text : delta.Text.TrimStart();
                    if (text.Length > 0)
                    {
                        started = true;
                        await output.WriteAsync(text);
                        await output.FlushAsync(cancellationToken);
                    }

                    break;
                case AnswerCompleted completed:
                    await output.WriteLineAsync(AnswerPrinter.FormatTrailer(completed.Answer).TrimStart(' '));
                    return completed.Answer;
            }
        }

        throw new InvalidOperationException("The answer stream ended without an answer.");
    }
}
