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

        if (NameQuestion().IsMatch(question))
        {
            return AnswerType.Name;
        }

        return TechnicalQuestion().IsMatch(question) || (ChineseWhich().IsMatch(question) && ChineseTechnicalNoun().IsMatch(question))
            ? AnswerType.Technical
            : AnswerType.Open;
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
            AnswerType.Technical => TechnicalToken().IsMatch(text) || LatinInCjk().IsMatch(text),
            _ => true,
        };
    }

    [GeneratedRegex(@"\bhow\s+(many|much|long|large|big|often|old)\b|\bwie\s+(viele?|lange|groß|gross|oft|alt)\b|\bwieviele?\b|多少|几[个种次年天位项台条]?|幾|多大|多长|多長|多久", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberQuestion();

    [GeneratedRegex(@"\bwhen\b|\bwhat\s+(year|date|day|time)\b|\bwhich\s+(year|date|day)\b|\bwann\b|\bseit\s+wann\b|\bin\s+welchem\s+jahr\b|何时|何時|什么时候|什麼時候|哪一?年|哪天|几月|幾月", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^\s*(who|whom|whose)\b|\bwer\b|\bwem\b|\bwessen\b|谁|誰", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"\b(which|what)\s+(\w+\s+)?(command|commands|tool|tools|program|utility|option|options|parameter|flag|file|files|directory|folder|package|path|variable|setting|field|value|script|daemon|service)\b|\bwelche[nmrs]?\s+(\w+\s+)?(Befehl|Befehle|Kommando|Werkzeug|Programm|Option|Optionen|Parameter|Datei|Dateien|Verzeichnis|Paket|Pfad|Variable|Einstellung|Feld|Wert|Skript|Dienst)\b|\bmit\s+welche[nmrs]?\s+(\w+\s+)?(Befehl|Kommando|Werkzeug|Programm|Option|Parameter)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechnicalQuestion();

    [GeneratedRegex(@"什么|什麼|哪|何种|何種")]
    private static partial Regex ChineseWhich();

    [GeneratedRegex(@"命令|指令|工具|程序|程式|选项|選項|参数|參數|文件|檔案|目录|目錄|软件包|軟件包|軟體包|套件|路径|路徑|变量|變數|字段|欄位|设置|設定|脚本|腳本|服务|服務")]
    private static partial Regex ChineseTechnicalNoun();

    // An option (-a, --all), a path (/etc/x, ~/.x), a file name with an extension, a key=value, an ALL_CAPS name,
    // or a hyphenated program name (dpkg-buildpackage): what commands, files and settings are written with.
    [GeneratedRegex(@"(?<![\w-])(--?[A-Za-z][\w-]*|~?/?[\w.-]*/[\w./{}*-]+|\w[\w-]*\.[A-Za-z]\w*|\w+=[^\s,;]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]+-[a-z0-9-]+)")]
    private static partial Regex TechnicalToken();

    // A Latin token inside Chinese text is a name or a command more often than not.
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[\s「“（(]*[A-Za-z][\w.+-]+|[A-Za-z][\w.+-]+[\s」”）)]*\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex LatinInCjk();

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
