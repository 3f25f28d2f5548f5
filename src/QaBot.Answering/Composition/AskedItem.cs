using System.Text.RegularExpressions;
using QaBot.Retrieval.Answerability;

namespace QaBot.Answering.Composition;

/// <summary>The kind of item a question asks for, as the extractive composer looks for it in a sentence.</summary>
public enum AskedItemKind
{
    /// <summary>Nothing in particular (what is, why).</summary>
    Open,

    /// <summary>How many, wie viel(e), 多少, 几.</summary>
    Number,

    /// <summary>How long, how large, how often: a number with a unit, or a frequency.</summary>
    Quantity,

    /// <summary>How much does it cost: an amount of money.</summary>
    Money,

    /// <summary>What share: a percentage, fraction or majority.</summary>
    Share,

    /// <summary>When, which year, wann, 什么时候.</summary>
    Date,

    /// <summary>Who, wer, 谁.</summary>
    Name,

    /// <summary>Which command, option, tool, file, directory, variable; how do I (a procedure written as a command).</summary>
    Command,
}

/// <summary>
/// Reads what a question asks for (the answerability gate's <see cref="AnswerTypeDetector"/>, plus procedures
/// asked as "how do I", which are answered with a command) and whether a sentence holds such an item, so the answer leads with the sentence that does.
/// </summary>
public static partial class AskedItem
{
    public static AskedItemKind Detect(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return AnswerTypeDetector.Detect(question) switch
        {
            AnswerType.Number => AskedItemKind.Number,
            AnswerType.Quantity => AskedItemKind.Quantity,
            AnswerType.Money => AskedItemKind.Money,
            AnswerType.Share => AskedItemKind.Share,
            AnswerType.Date => AskedItemKind.Date,
            AnswerType.Name => AskedItemKind.Name,
            AnswerType.Technical => AskedItemKind.Command,
            _ => CommandQuestion().IsMatch(question) ? AskedItemKind.Command : AskedItemKind.Open,
        };
    }

    /// <summary>
    /// The Latin-script words, numbers and tokens the question itself states ("1.0.1-1", "dpkg-buildpackage"),
    /// lower-cased: a sentence that repeats them has not yet given the item the question asks for.
    /// </summary>
    public static IReadOnlySet<string> StatedItems(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return LatinRun().Matches(question).Select(m => Trimmed(m.Value)).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether the sentence holds an item of the kind besides the items the question states itself.</summary>
    public static bool Holds(AskedItemKind kind, string sentence, IReadOnlySet<string> stated)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(stated);
        if (kind == AskedItemKind.Open || stated.Count == 0)
        {
            return Holds(kind, sentence);
        }

        var rest = LatinRun().Replace(sentence, m => stated.Contains(Trimmed(m.Value)) ? " " : m.Value);
        return Holds(kind, rest);
    }

    /// <summary>Whether the sentence holds an item of the kind; every sentence holds an open question's.</summary>
    public static bool Holds(AskedItemKind kind, string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return kind switch
        {
            AskedItemKind.Number => AnswerTypeDetector.Holds(AnswerType.Number, sentence),
            AskedItemKind.Quantity => AnswerTypeDetector.Holds(AnswerType.Quantity, sentence),
            AskedItemKind.Money => AnswerTypeDetector.Holds(AnswerType.Money, sentence),
            AskedItemKind.Share => AnswerTypeDetector.Holds(AnswerType.Share, sentence),
            AskedItemKind.Date => AnswerTypeDetector.Holds(AnswerType.Date, sentence),
            AskedItemKind.Name => AnswerTypeDetector.Holds(AnswerType.Name, sentence),
            // A Latin word in Chinese text names a thing; a command is written as one ("-sa", "/etc/fstab").
            AskedItemKind.Command => AnswerTypeDetector.HoldsCommandToken(sentence) || CommandLine().IsMatch(sentence),
            _ => true,
        };
    }

    // A shell prompt line: "$ debuild -sa", "# dpkg-reconfigure tzdata".
    [GeneratedRegex(@"(^|\n|\s)[$#]\s+[a-z][\w.-]*", RegexOptions.CultureInvariant)]
    private static partial Regex CommandLine();

    private static string Trimmed(string token) => token.TrimEnd('.', ',', ':', ';', '!', '?');

    // A run of Latin letters, digits and the characters commands, versions and paths are written with.
    [GeneratedRegex(@"[A-Za-z0-9_~/.+:=-]*[A-Za-z0-9][A-Za-z0-9_~/.+:=-]*")]
    private static partial Regex LatinRun();

    // Interrogatives and nouns that ask for a technical item, in English, German and Chinese.
    [GeneratedRegex(@"\b(which|what)\s+(\w+\s+)?(command|option|flag|switch|parameter|argument|tool|program|utility|package|file|directory|folder|path|variable|key|field|value|setting|string|daemon|script|list|address|port|tag)s?\b|\bhow\s+(do|can|should)\s+(i|you|we|one)\b|\b(welche[snrm]?|mit\s+welche[mnr]?|womit|wie)\b.*\b(befehl|option|werkzeug|programm|paket|datei|verzeichnis|ordner|pfad|variable|parameter|schalter|wert|zeichenkette|feld|adresse|skript)|\bwie\s+(kann|mache|finde|erstelle|teste|melde|wandle|richte|sorge|schalte|ändere)\s+ich\b|命令|指令|选项|選項|参数|參數|工具|目录|目錄|变量|變數|怎么|怎样|怎樣|如何", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommandQuestion();
}
