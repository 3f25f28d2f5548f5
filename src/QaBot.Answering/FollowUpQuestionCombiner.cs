using System.Text.RegularExpressions;
using QaBot.Analysis;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Without a chat model, makes a short or elliptical follow-up ("and what about Acme?", "und in Berlin?", "那Acme呢？")
/// searchable by combining it with the previous question of the conversation: a name in the follow-up takes the
/// place of the previous question's first name ("How much does Acme spend?"), anything else (a place after "in",
/// a topic) is added to the previous question. A question that stands on its own (an interrogative of its own,
/// or more than a few content words) is searched as asked. /debug shows the combined question.
/// </summary>
public sealed partial class FollowUpQuestionCombiner(TextAnalyzer analyzer) : IQuestionRewriter
{
    private const int MaxFollowUpTerms = 4;
    private const int MaxBareTerms = 2;

    public Task<RewrittenQuestion> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        return Task.FromResult(Combine(question, history));
    }

    public RewrittenQuestion Combine(string question, IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return RewrittenQuestion.AsAsked(question);
        }

        var previous = history[^1].SearchedAs.Trim();
        var language = TextAnalyzer.DetectLanguage(question);
        var terms = analyzer.AnalyzeQuery(question, language).Count;
        var connector = Connector().Match(question);
        var elliptical = connector.Success
            ? terms <= MaxFollowUpTerms
            : terms <= MaxBareTerms && !Interrogative().IsMatch(question);
        if (!elliptical || previous.Length == 0)
        {
            return RewrittenQuestion.AsAsked(question);
        }

        var core = Closing().Replace(question[(connector.Success ? connector.Length : 0)..], string.Empty).Trim();
        if (core.Length == 0)
        {
            return RewrittenQuestion.AsAsked(question);
        }

        var followUpNames = Names(core);
        var previousName = Names(previous).FirstOrDefault();
        var combined = !Preposition().IsMatch(core) && followUpNames.Count > 0 && previousName is not null
            ? string.Concat(previous.AsSpan(0, previousName.Index), string.Join(" ", followUpNames.Select(n => n.Value)), previous.AsSpan(previousName.Index + previousName.Length))
            : Append(previous, core);
        return new RewrittenQuestion(combined, WasCondensed: true, []);
    }

    private static string Append(string previous, string core)
    {
        var stem = previous.TrimEnd('?', '？', '.', '。', ' ');
        var cjk = stem.Length > 0 && Tokenizer.IsHan(stem, stem.Length - 1);
        return cjk ? $"{stem}{core}？" : $"{stem} {core}?";
    }

    /// <summary>
    /// Runs of capitalised words that are names: not a question's opening word ("How", "Welche", "Is"), and not a
    /// German noun after a determiner ("viele Benutzer"), since German capitalises every noun.
    /// </summary>
    private static List<Match> Names(string text) =>
        NameRun().Matches(text)
            .Where(m => !(m.Index == 0 && Opener().IsMatch(m.Value)) && !Determiner().IsMatch(text[..m.Index]))
            .ToList();

    // What opens an elliptical follow-up: "and", "what about", "und", "was ist mit", "那", "还有".
    [GeneratedRegex(@"^\s*(?:(?:and|or|but)\s+(?:what|how)\s+about|what\s+about|how\s+about|and|also|und\s+(?:was\s+ist\s+mit|wie\s+ist\s+es\s+mit|wie\s+sieht\s+es\s+mit)|was\s+ist\s+mit|wie\s+ist\s+es\s+mit|und|auch)\b[\s,]*|^\s*(?:那么|那麼|那|还有|還有|另外)[\s，,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Connector();

    [GeneratedRegex(@"\b(who|whom|whose|what|when|where|why|how|which|wer|wen|wem|was|wann|wo|woher|wohin|warum|wieso|weshalb|wie|welche[rsmn]?)\b|谁|誰|什么|什麼|何时|何時|哪|为什么|為什麼|怎么|怎麼|怎样|怎樣|如何|多少|几|幾", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Interrogative();

    // A follow-up that narrows the previous question ("in Berlin", "im Jahr 2020", "在德国") is added, never substituted.
    [GeneratedRegex(@"^(in|at|on|for|during|since|before|after|im|in|am|an|bei|für|seit|vor|nach|während|在|于|於)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"^(who|whom|whose|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|should|will|would|has|have|wer|wen|wem|was|wann|wo|warum|wieso|wie|welche[rsmn]?|ist|sind|hat|haben|gibt|kann|können|wird|werden)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\b(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|viele|vielen|wenige|alle|allen|mehrere|manche|welche[rsmn]?|diese[rsmn]?|jede[rsmn]?|meine?[rsmn]?|seine?[rsmn]?|ihre?[rsmn]?|unsere?[rsmn]?)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"[?？!！.。]*\s*$|\s*呢\s*[?？]?\s*$")]
    private static partial Regex Closing();

    [GeneratedRegex(@"\p{Lu}[\p{L}\p{Nd}&.-]*(?:\s+\p{Lu}[\p{L}\p{Nd}&.-]*)*")]
    private static partial Regex NameRun();
}
