using System.Text.RegularExpressions;

namespace QaBot.Retrieval.Answerability;

/// <summary>
/// Reads from a question's interrogative words what kind of item it asks for (English, German, Chinese), and
/// whether a passage holds an item of that kind. A passage that shares the question's words but holds no
/// number for a "how many" question is a near miss, not an answer.
/// </summary>
public static partial class AnswerTypeDetector
{
    public static AnswerType Detect(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (NumberQuestion().IsMatch(question))
        {
            return AnswerType.Number;
        }

        if (DateQuestion().IsMatch(question))
        {
            return AnswerType.Date;
        }

        return NameQuestion().IsMatch(question) ? AnswerType.Name : AnswerType.Open;
    }

    /// <summary>Whether the text holds an item of the type; an open question is held by any text.</summary>
    public static bool Holds(AnswerType type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return type switch
        {
            AnswerType.Number => Digits().IsMatch(text) || NumberWord().IsMatch(text),
            AnswerType.Date => Digits().IsMatch(text) || MonthName().IsMatch(text),
            AnswerType.Name => NameLike().IsMatch(text),
            _ => true,
        };
    }

    [GeneratedRegex(@"\bhow\s+(many|much|long|large|big|often|old)\b|\bwie\s+(viele?|lange|groß|gross|oft|alt)\b|\bwieviele?\b|多少|几[个种次年天位项台条]?|幾|多大|多长|多長|多久", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"\bwhen\b|\bwhat\s+(year|date|day|time)\b|\bwhich\s+(year|date|day)\b|\bwann\b|\bseit\s+wann\b|\bin\s+welchem\s+jahr\b|何时|何時|什么时候|什麼時候|哪一?年|哪天|几月|幾月", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^\s*(who|whom|whose)\b|\bwer\b|\bwem\b|\bwessen\b|谁|誰", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"\p{Nd}|[〇一二三四五六七八九十百千万萬亿億两兩]")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|eins?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend|millionen?|milliarden?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    // A capitalised word not at a sentence start, a Latin token inside CJK text, or a CJK run: crude, but a
    // passage without any of them cannot name anyone.
    [GeneratedRegex(@"(?<=[\p{Ll},;:]\s+)\p{Lu}\p{L}+|\p{IsCJKUnifiedIdeographs}{2,}|[A-Z][a-z]*[A-Z]\w*")]
    private static partial Regex NameLike();
}
