using System.Text.RegularExpressions;
using QaBot.Analysis;

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

        // The narrower kinds first: "how much does it cost" is money before it is a number.
        if (ShareQuestion().IsMatch(question))
        {
            return AnswerType.Share;
        }

        if (MoneyQuestion().IsMatch(question))
        {
            return AnswerType.Money;
        }

        if (QuantityQuestion().IsMatch(question))
        {
            return AnswerType.Quantity;
        }

        // "哪几个" asks which ones, not how many.
        if (NumberQuestion().IsMatch(question) && !ChineseWhichOnes().IsMatch(question))
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
            AnswerType.Number => CountNumber().IsMatch(text) || NumberWord().IsMatch(text),
            AnswerType.Quantity => Measured().IsMatch(text) || MeasuredChinese().IsMatch(text) || Frequency().IsMatch(text),
            AnswerType.Money => Amount().IsMatch(text),
            AnswerType.Share => Proportion().IsMatch(text),
            AnswerType.Date => Digits().IsMatch(text) || MonthName().IsMatch(text) || TimeOfDay().IsMatch(text),
            AnswerType.Name => NameLike().IsMatch(text),
            AnswerType.Technical => TechnicalToken().IsMatch(text) || NamesACommand(text) || LatinInCjk().IsMatch(text),
            _ => true,
        };
    }

    /// <summary>
    /// Whether the text writes a command, option, path, file name or setting the way commands are written ("-sa",
    /// "/etc/fstab", "debian/rules", "TERM=type"); stricter than <see cref="AnswerType.Technical"/>, which also
    /// accepts any Latin word inside Chinese text.
    /// </summary>
    public static bool HoldsCommandToken(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TechnicalToken().IsMatch(text) || NamesACommand(text);
    }

    // Whether the text calls a plain word a command or tool; the word after "the command" must not be an ordinary
    // word of the sentence ("the command again", "der Befehl ist").
    private static bool NamesACommand(string text)
    {
        foreach (Match match in NamedCommand().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (!NotAName.Contains(name)
                && !StopwordLists.Default.IsUntranslated(name, Languages.English)
                && !StopwordLists.Default.IsUntranslated(name, Languages.German))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\bhow\s+(many|much|old)\b|\bwie\s+(viele?|alt)\b|\bwieviele?\b|多少|几[个种次年天位项台条]?|幾|\b(which|what)\s+(\w+\s+)?port\b|\bwelche[nmrs]?\s+(\w+\s+)?Port\b|[哪什][个個么麼]?\s*(端口|埠|連接埠)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberQuestion();

    // "When" as a question word ("when was", "when does"), not as a conjunction ("when I file a bug, which …").
    [GeneratedRegex(@"\bwhen\s+(is|was|were|are|did|does|do|will|would|should|can|could|has|have|had|must|may)\b|^\s*when\b(?!\s+(i|you|we|they|a|an|the|my|your|one)\b)|\bwhat\s+(year|date|day|time)\b|\bwhich\s+(year|date|day)\b|\bwann\b|\bseit\s+wann\b|\bin\s+welchem\s+jahr\b|何时|何時|什么时候|什麼時候|哪一?年|哪天|几月|幾月", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    [GeneratedRegex(@"^\s*(who|whom|whose)\b|\bwer\b|\bwem\b|\bwessen\b|谁|誰", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameQuestion();

    [GeneratedRegex(@"\b(which|what)\s+(\w+\s+)?(command|commands|tool|tools|program|utility|option|options|parameter|flag|file|files|directory|folder|package|path|variable|setting|field|value|script|daemon|service)\b|\bwelche[nmrs]?\s+(\w+\s+)?(Befehl|Befehle|Kommando|Werkzeug|Programm|Option|Optionen|Parameter|Datei|Dateien|Verzeichnis|Paket|Pfad|Variable|Einstellung|Feld|Wert|Skript|Dienst)\b|\bmit\s+welche[nmrs]?\s+(\w+\s+)?(Befehl|Kommando|Werkzeug|Programm|Option|Parameter)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TechnicalQuestion();

    [GeneratedRegex(@"\b(what|which)\s+(share|percentage|proportion|fraction|majority)\b|\bhow\s+many\s+percent|\bwie\s+viel(e)?\s+Prozent|\bwelche[nmrs]?\s+(Anteil|Mehrheit|Prozentsatz)\b|\bwie\s+(hoch|groß)\s+ist\s+der\s+Anteil|比例|百分之|百分比|多少成|几成|幾成", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareQuestion();

    [GeneratedRegex(@"\bhow\s+much\b.*\b(cost|costs|pay|charge|charges|fee)\b|\bwhat\s+(does|do|did)\b.*\bcost\b|\bwhat\s+is\s+the\s+price\b|\bwas\s+kostet|\bwie\s+viel\b.*\b(kostet|kosten|bezahlen|zahlen|Preis|Gebühr)|\bwie\s+teuer\b|多少钱|多少錢|价格|價格|费用|費用|售价|售價", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyQuestion();

    [GeneratedRegex(@"\bhow\s+(long|large|big|often|fast|frequently)\b|\bhow\s+much\s+(\w+\s+)?(ram|memory|disk|space|storage|time|bandwidth)\b|\bwie\s+(lange|groß|gross|oft|häufig|schnell)\b|\bwie\s+viel\s+(\w+\s+)?(Zeit|Speicher|Arbeitsspeicher|Plattenplatz|Speicherplatz|RAM|Bandbreite)\b|\bwelche[nmrs]?\s+(\w+\s+)?(Bandbreite|Größe|Länge|Dauer|Frist|Geschwindigkeit)\b|\b(what|which)\s+(\w+\s+)?(bandwidth|size|length|duration|speed|timeout|deadline)\b|多久|多长|多長|多大|多快|多少(时间|時間|空间|空間|磁盘|磁碟|内存|記憶體|天|年|小时|小時|分钟|分鐘)|几天|幾天|几年|幾年|几个月|幾個月|多频繁|多頻繁", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityQuestion();

    [GeneratedRegex(@"哪[几幾]")]
    private static partial Regex ChineseWhichOnes();

    [GeneratedRegex(@"什么|什麼|哪|何种|何種")]
    private static partial Regex ChineseWhich();

    [GeneratedRegex(@"命令|指令|工具|程序|程式|选项|選項|参数|參數|文件|檔案|目录|目錄|软件包|軟件包|軟體包|套件|路径|路徑|变量|變數|字段|欄位|设置|設定|脚本|腳本|服务|服務")]
    private static partial Regex ChineseTechnicalNoun();

    // An option (-a, --all), a path (/etc/x, ~/.x), a file name with an extension, a key=value, an ALL_CAPS name,
    // a hyphenated program name (dpkg-buildpackage), a shell or make variable ($HOME, $(DESTDIR), ${VAR}) or a
    // manual page reference (debc(1), dupload.conf(5)): what commands, files and settings are written with.
    [GeneratedRegex(@"\$[({]?[A-Za-z_]\w*[)}]?|(?<![\w.-])[a-z][\w.+-]*\([1-9][a-z]*\)|(?<![\w-])(--?[A-Za-z][\w-]*|~?/?[\w.-]*/[\w./{}*-]+|(?![A-Za-z]\.[A-Za-z]\b)\w[\w-]*\.[A-Za-z]\w*|\w+=[^\s,;]+|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]+-[a-z0-9-]+)")]
    private static partial Regex TechnicalToken();

    // Words that follow "command" without being its name.
    private static readonly HashSet<string> NotAName = new(["again", "line", "lines", "prompt", "output", "name", "itself", "first", "once", "here", "there", "now"], StringComparer.Ordinal);

    // A plain program name the text itself calls a command or tool: "the adduser command", "the command lsblk",
    // "den Befehl adduser", "adduser-Befehl", "adduser 命令", "使用 adduser 命令".
    [GeneratedRegex(@"\b(?!(?:the|a|an|this|that|these|those|each|every|any|some|same|such|following|above|below|previous|next|other|new|first|last|one|which|what|your|our|its|their|his|her|my|shell|system)\b)(?<name>[a-z][a-z0-9.+_-]+)\s+(command|tool|utility|program)\b|\bthe\s+(command|tool|program|utility)\s+(?<name>[a-z][a-z0-9.+_-]+)\b|\b(den|dem|der|des|das|einen|einem)\s+(Befehls?|Kommandos?|Werkzeugs?|Programms?)\s+(?<name>[a-z][a-z0-9.+_-]+)\b|\b(?<name>[a-z][a-z0-9.+_]+)-(Befehl|Kommando|Werkzeug|Programm)\b|(?<![A-Za-z0-9])(?<name>[a-z][a-z0-9.+_-]+)\s*(命令|指令|工具)", RegexOptions.CultureInvariant)]
    private static partial Regex NamedCommand();

    // A Latin token inside Chinese text is a name or a command more often than not.
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[\s「“（(]*[A-Za-z][\w.+-]+|[A-Za-z][\w.+-]+[\s」”）)]*\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex LatinInCjk();

    [GeneratedRegex(@"\p{Nd}|[〇一二三四五六七八九十百千万萬亿億两兩]")]
    private static partial Regex Digits();

    // A count, not a version or a reference: "4.3.1", "12.0" and "section 4" are not counts, "60,000", "1.000"
    // and "1.5 million" are.
    [GeneratedRegex(@"(?<![\p{Nd}.])(?<!\b(section|sections|chapter|chapters|part|step|figure|table|appendix|Abschnitt|Kapitel|Teil|Schritt|Abbildung|Tabelle|Anhang|§)\s*)(?<!第\s*)\p{Nd}+(?:[,.]\p{Nd}{3})*(?![\p{Nd}]|[.,]\p{Nd})|\p{Nd}+[.,]\p{Nd}+\s*(million|billion|Mio|Mrd|Millionen|Milliarden)|[〇一二三四五六七八九十百千万萬亿億两兩]+\s*[个個位名人种種项項台臺条條次]|\p{Nd}+\s*[万萬亿億]")]
    private static partial Regex CountNumber();

    private const string Units = @"(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|Sekunden?|Minuten?|Stunden?|Tagen?|Tage|Wochen?|Monaten?|Monate|Jahren?|Jahre|bytes?|Bytes?|[KkMGT]i?B|[kMG]bit(/s)?|[kMG]bps|[KkMGT]byte|Kilobytes?|Megabytes?|Gigabytes?|Terabytes?|characters?|chars?|Zeichen|percent|Prozent|Hz|[kMG]Hz|bits?|Bit)(?![A-Za-z])";

    // A number or number word followed by a unit: "2 GB", "eine Woche", "two weeks", "60 characters", "10 Tage".
    [GeneratedRegex(@"(\p{Nd}[\p{Nd}.,]*|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|a\s+few|several|ein|eine|einen|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|vierzehn|zwanzig|dreißig|einige|mehrere))(\s|-)?(to|bis|and|und|-|–)?\s*\p{Nd}*\s*" + Units, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Measured();

    [GeneratedRegex(@"[\p{Nd}〇一二三四五六七八九十百千两兩半]+\s*[个個]?\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|星期|月|年|字节|位元組|字符|字元|字|行|兆|[KkMGT]i?B)")]
    private static partial Regex MeasuredChinese();

    [GeneratedRegex(@"\b(once|twice|thrice|daily|weekly|monthly|yearly|annually|hourly|nightly|täglich|wöchentlich|monatlich|jährlich|stündlich|einmal|zweimal|dreimal)\b|每天|每日|每周|每週|每月|每年|每小时|每小時|每晚", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Frequency();

    [GeneratedRegex(@"[$€£¥]\s*\p{Nd}|\p{Nd}\s*[$€£¥]|\p{Nd}[\p{Nd}.,]*\s*(USD|EUR|GBP|CHF|CNY|RMB|dollars?|euros?|Euro|cents?|Cent|pounds?)\b|\p{Nd}\s*(元|美元|欧元|歐元|块|塊|英镑|英鎊)|\b(free\s+of\s+charge|at\s+no\s+cost|kostenlos|kostenfrei|gratis|umsonst)\b|免费|免費", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\p{Nd}\s*%|\bper\s*cent\b|\bpercent\b|\bProzent\b|百分之|\p{Nd}\s*成|\b(half|Hälfte|majority|Mehrheit|quorum|two[- ]thirds|zwei\s+Drittel|Zweidrittel\w*|three[- ]quarters|drei\s+Viertel|Dreiviertel\w*)\b|\b\p{Nd}+\s*:\s*\p{Nd}+\b|\b\p{Nd}+/\p{Nd}+\b|一半|多数|多數|三分之|四分之|二分之", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Proportion();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|hundert|tausend|millionen?|milliarden?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    // "When" is also answered by a time of day or a moment ("at dusk", "jeden Abend", "每天晚上").
    [GeneratedRegex(@"\b(dawn|dusk|sunrise|sunset|morning|evening|night|noon|midnight|today|tomorrow|yesterday|Morgen|Abend|Nacht|Mittag|Mitternacht|Dämmerung|heute|gestern|morgens|abends|nachts)\b|早上|上午|下午|晚上|黄昏|傍晚|中午|午夜|凌晨|今天|昨天|明天", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    // A capitalised word not at a sentence start, a Latin token inside CJK text, or a CJK run: crude, but a
    // passage without any of them cannot name anyone.
    [GeneratedRegex(@"(?<=[\p{Ll},;:]\s+)\p{Lu}\p{L}+|\p{IsCJKUnifiedIdeographs}{2,}|[A-Z][a-z]*[A-Z]\w*")]
    private static partial Regex NameLike();
}
