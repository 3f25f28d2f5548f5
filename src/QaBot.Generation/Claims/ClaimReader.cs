using System.Globalization;
using System.Text.RegularExpressions;

namespace QaBot.Generation.Claims;

/// <summary>
/// Reads the checkable claims of a text: numbers (with their scale, so 1.2 billion = 1,2 Mrd. = 12亿 = 1.2e9, and
/// money and percentages by their amount), months of dates (March = März = 3月), and names. A number written
/// with one separator and three digits after it ("1,200", "1.200") is read both ways, since English and German
/// disagree on it.
/// </summary>
public static partial class ClaimReader
{
    private static readonly string[] MonthNames =
    [
        "january|januar|jänner", "february|februar", "march|märz", "april", "may|mai", "june|juni", "july|juli", "august",
        "september", "october|oktober", "november", "december|dezember",
    ];

    /// <summary>Every reading of every number in the text; <paramref name="withBare"/> adds each scaled number's bare value ("65" of "65 billion").</summary>
    public static IReadOnlyList<NumberClaim> Numbers(string text, string language, bool withBare = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var claims = new List<NumberClaim>();
        foreach (Match match in ArabicNumber().Matches(text))
        {
            var scale = Scale(match.Groups["scale"].Value, language);
            var values = Readings(match.Groups["num"].Value).Select(v => v * scale).ToList();
            if (withBare && scale != 1)
            {
                values.AddRange(Readings(match.Groups["num"].Value));
            }

            claims.Add(new NumberClaim(match.Value.Trim(), values));
        }

        foreach (Match match in ChineseNumber().Matches(text))
        {
            // "一个", "统一": a lone small numeral is a word, not a figure; only figures with a unit are claims.
            if (match.Length < 2 || !match.Value.Any(c => "十百千万亿億萬".Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            if (ChineseNumeral(match.Value) is { } value)
            {
                claims.Add(new NumberClaim(match.Value, [value]));
            }
        }

        return claims;
    }

    /// <summary>Months named in the text (1–12): English and German month names, Chinese "3月".</summary>
    public static IReadOnlySet<int> Months(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var months = new HashSet<int>();
        foreach (Match match in MonthName().Matches(text))
        {
            var name = match.Value.ToLowerInvariant();
            months.Add(Array.FindIndex(MonthNames, m => m.Split('|').Contains(name)) + 1);
        }

        foreach (Match match in ChineseMonth().Matches(text))
        {
            var number = match.Groups[1].Value;
            var value = char.IsAsciiDigit(number[0]) ? int.Parse(number, CultureInfo.InvariantCulture) : (int)(ChineseNumeral(number) ?? 0);
            if (value is >= 1 and <= 12)
            {
                months.Add(value);
            }
        }

        months.Remove(0);
        return months;
    }

    /// <summary>
    /// Names in a sentence: in English, capitalised words that do not open the sentence; in any language, words
    /// with inner capitals or digits ("iPhone", "ext4"), acronyms, and Latin words inside Chinese text. German
    /// capitalises every noun, so there a capitalised word is a name only when <paramref name="isCommonWord"/> says it is not a word of the language.
    /// </summary>
    public static IReadOnlyList<string> Names(string sentence, string language, Func<string, bool>? isCommonWord = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var names = new List<string>();
        foreach (Match match in LatinWord().Matches(sentence))
        {
            var word = Possessive().Replace(match.Value, string.Empty);
            if (word.Length < 2 || MonthName().IsMatch(word) || Weekday().IsMatch(word))
            {
                continue;
            }

            var strong = word.Skip(1).Any(char.IsUpper) || (word.Any(char.IsAsciiDigit) && word.Any(char.IsLetter));
            var capitalised = char.IsUpper(word[0]);
            var opensSentence = sentence[..match.Index].All(c => !char.IsLetterOrDigit(c));
            var isName = language switch
            {
                "zh" => true,
                "de" => strong || (capitalised && !opensSentence && isCommonWord is not null && !isCommonWord(word)),
                _ => strong || (capitalised && !opensSentence),
            };
            if (isName && char.IsLetter(word[0]))
            {
                names.Add(word);
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<double> Readings(string number)
    {
        var lastComma = number.LastIndexOf(',');
        var lastDot = number.LastIndexOf('.');
        if (lastComma < 0 && lastDot < 0)
        {
            return [Parse(number)];
        }

        if (lastComma >= 0 && lastDot >= 0)
        {
            var decimalMark = lastComma > lastDot ? ',' : '.';
            return [ParseWith(number, decimalMark)];
        }

        var mark = lastComma >= 0 ? ',' : '.';
        var count = number.Count(c => c == mark);
        var digitsAfter = number.Length - number.LastIndexOf(mark) - 1;
        if (count > 1)
        {
            return [Parse(number.Replace(mark.ToString(), string.Empty, StringComparison.Ordinal))];
        }

        var asDecimal = ParseWith(number, mark);
        return digitsAfter == 3 ? [Parse(number.Replace(mark.ToString(), string.Empty, StringComparison.Ordinal)), asDecimal] : [asDecimal];
    }

    private static double ParseWith(string number, char decimalMark)
    {
        var thousands = decimalMark == ',' ? "." : ",";
        return Parse(number.Replace(thousands, string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.'));
    }

    private static double Parse(string number) => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The multiplier of a scale word; German "Billion" is 10^12, English "billion" 10^9.</summary>
    private static double Scale(string word, string language)
    {
        var w = word.ToLowerInvariant().TrimEnd('.');
        return w switch
        {
            "" => 1,
            "thousand" or "tausend" or "tsd" or "k" or "千" => 1e3,
            "万" or "萬" => 1e4,
            "十万" or "十萬" => 1e5,
            "million" or "millionen" or "mln" or "mn" or "mio" or "m" or "百万" or "百萬" => 1e6,
            "千万" or "千萬" => 1e7,
            "亿" or "億" => 1e8,
            "十亿" or "十億" => 1e9,
            "billion" or "billionen" when language == "de" => 1e12,
            "billion" or "bn" or "b" or "milliarde" or "milliarden" or "mrd" or "百亿" => w == "百亿" ? 1e10 : 1e9,
            "千亿" or "千億" => 1e11,
            "trillion" or "tn" or "billionen" or "bio" or "万亿" or "萬億" or "兆" => 1e12,
            _ => 1,
        };
    }

    /// <summary>A Chinese numeral ("十二亿", "三千五百万", "两百") as a number; null when it is not one.</summary>
    private static double? ChineseNumeral(string text)
    {
        double total = 0, section = 0, digit = 0;
        foreach (var c in text)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c is '〇')
            {
                d = 0;
            }
            else if (c is '两' or '兩')
            {
                d = 2;
            }

            if (d >= 0)
            {
                digit = d;
                continue;
            }

            switch (c)
            {
                case '十':
                    section += (digit == 0 ? 1 : digit) * 10;
                    digit = 0;
                    break;
                case '百':
                    section += digit * 100;
                    digit = 0;
                    break;
                case '千':
                    section += digit * 1000;
                    digit = 0;
                    break;
                case '万' or '萬':
                    total += (section + digit) * 1e4;
                    section = digit = 0;
                    break;
                case '亿' or '億':
                    total = (total + section + digit) * 1e8;
                    section = digit = 0;
                    break;
                default:
                    return null;
            }
        }

        return total + section + digit;
    }

    // Digits, then an optional scale: a letter right after them ("65m", "2bn"), a Chinese unit ("12亿", "3千万"),
    // or a scale word after a space ("1.2 billion", "1,2 Mrd.").
    [GeneratedRegex(@"(?<![A-Za-zÄÖÜäöüß\d.,])(?<num>\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:(?<scale>bn|[kmb])(?!\p{L})|\s?(?<scale>万亿|萬億|千亿|千億|百亿|十亿|十億|千万|千萬|百万|百萬|十万|十萬|万|萬|亿|億|千|兆)|\s(?<scale>(?i:thousand|tausend|millionen|million|mln|milliarden|milliarde|billionen|billion|trillion|bn|tn))\b|\s(?<scale>(?i:tsd|mio|mrd|bio))\b\.?)?")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"[〇零一二三四五六七八九十百千万萬亿億两兩]+")]
    private static partial Regex ChineseNumber();

    // Capitalised, as both languages write months: "may" and "march" in lower case are verbs.
    [GeneratedRegex(@"\b(January|February|March|März|April|May|Mai|June|Juni|July|Juli|August|September|October|Oktober|November|December|Dezember|Januar|Februar|Jänner)\b")]
    private static partial Regex MonthName();

    [GeneratedRegex(@"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(\d{1,2}|[一二三四五六七八九十]{1,3})月")]
    private static partial Regex ChineseMonth();

    [GeneratedRegex(@"[A-Za-zÄÖÜäöüß\d][A-Za-zÄÖÜäöüß\d\-&]*[A-Za-zÄÖÜäöüß\d]|[A-Za-z]")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex Possessive();
}

/// <summary>A number as written, and every value it can stand for.</summary>
public sealed record NumberClaim(string Text, IReadOnlyList<double> Values);
