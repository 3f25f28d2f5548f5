namespace QaBot.Core;

/// <summary>
/// The fixed texts around an answer (refusal, labels, footer, marks) in the question's language: English, German
/// or Chinese; any other language code gets English. Every front end takes them from here, so the REPL and
/// Discord say the same thing.
/// </summary>
public static class AnswerTexts
{
    private const string German = "de";
    private const string Chinese = "zh";

    /// <summary>The collection does not answer the question.</summary>
    public static string NotCovered(string language) => language switch
    {
        German => "Die Dokumentsammlung beantwortet diese Frage nicht; ich habe dazu keine passende Stelle gefunden.",
        Chinese => "文档库中没有能回答这个问题的内容。",
        _ => "The document collection does not cover this question; I found no passage that answers it.",
    };

    /// <summary>The heading of the source list.</summary>
    public static string Sources(string language) => language switch
    {
        German => "Quellen",
        Chinese => "来源",
        _ => "Sources",
    };

    /// <summary>The heading of the word glosses: says plainly that they are not a translation.</summary>
    public static string WordGloss(string language) => language switch
    {
        German => "Wortglosse (Wörterbuch, keine Übersetzung)",
        Chinese => "逐词释义（词典对照，并非翻译）",
        _ => "Word gloss (dictionary, not a translation)",
    };

    /// <summary>Put after a model's sentence whose numbers or names are not in the passages it cites.</summary>
    public static string Unverified(string language) => language switch
    {
        German => "(nicht belegt)",
        Chinese => "（未经核实）",
        _ => "(unverified)",
    };

    /// <summary>Who answered, for the footer under an answer.</summary>
    public static string AnsweredBy(string language, string answeredBy)
    {
        ArgumentNullException.ThrowIfNull(answeredBy);
        if (answeredBy == "extractive")
        {
            return language switch
            {
                German => "Extraktive Antwort: wörtlich zitierte Sätze aus den Dokumenten, kein Sprachmodell konfiguriert",
                Chinese => "摘录式回答：逐字引用文档中的句子，未配置语言模型",
                _ => "extractive answer: sentences quoted from the documents, no language model configured",
            };
        }

        return language switch
        {
            German => $"beantwortet von {answeredBy}",
            Chinese => $"由 {answeredBy} 回答",
            _ => $"answered by {answeredBy}",
        };
    }

    /// <summary>Opening and closing quotation marks of the language.</summary>
    public static (string Open, string Close) QuotationMarks(string language) => language switch
    {
        German => ("„", "“"),
        Chinese => ("「", "」"),
        _ => ("“", "”"),
    };

    /// <summary>Between two quotes that do not follow each other in the source.</summary>
    public const string Ellipsis = " … ";
}
