using System.Text;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// Turns raw bytes into text: byte order marks first (UTF-8, UTF-16, UTF-32), then strict UTF-8 (or
/// UTF-8 with rare corrupt bytes), then the legacy encodings a Chinese or German site would use,
/// chosen by byte structure: Windows-1252 when high bytes stand alone between ASCII (umlauts), else
/// GB18030 or Big5, whichever puts more characters in its frequent-character block
/// (<see cref="ChineseByteStatistics"/>). Rejects NUL bytes (unless the text is recognisably UTF-16),
/// more than 1% control characters, and bytes that are plausible in none of the encodings.
/// </summary>
internal static class TextDecoder
{
    public const string NotTextReason = "not valid text in UTF-8, GB18030, Big5 or Windows-1252";

    // Share of non-whitespace control characters above which decoded "text" is really binary data.
    private const double MaxControlShare = 0.01;

    // A single-byte Latin text has its high bytes (umlauts, quotes) between ASCII; a double-byte CJK text never does.
    private const double MinIsolatedHighByteShare = 0.7;

    // Share of Chinese characters that must fall in the encoding's level-1 (frequent) block.
    private const double MinFrequentHanziShare = 0.6;

    // A mostly-ASCII text with a few adjacent accented letters ("Füße") is still Latin text.
    private const double MaxHighByteShareForLatinFallback = 0.05;

    // Adjacent accented letters in a Latin word ("Größe", "Ææ"); a longer run of high bytes is not one word's letters.
    private const int MaxLatinHighByteRun = 3;

    // UTF-8 with a few corrupt bytes (a truncated download, one bad copy) is still UTF-8: at least this
    // many well-formed non-ASCII characters per malformed sequence.
    private const int MinValidCharactersPerUtf8Error = 20;

    // UTF-16 without a mark is only recognised for mostly-ASCII text, where nearly every other byte is zero.
    private const double MinUtf16ZeroShare = 0.7;

    private static readonly Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding[] LegacyEncodings = LoadLegacyEncodings();

    private static Encoding Gb18030 => LegacyEncodings[0];

    private static Encoding Big5 => LegacyEncodings[1];

    private static Encoding Windows1252 => LegacyEncodings[2];

    /// <summary>Decodes <paramref name="content"/> or throws <see cref="ArticleRejectedException"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("empty file");
        }

        var text = DecodeWithBom(content) ?? DecodeWithoutBom(content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        RejectControlCharacters(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleRejectedException("empty or whitespace-only file");
        }

        return text;
    }

    private static Encoding[] LoadLegacyEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return
        [
            Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
            Encoding.GetEncoding(950, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
            Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
        ];
    }

    private static string? DecodeWithBom(ReadOnlySpan<byte> content)
    {
        // UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
        (Encoding? encoding, int bomLength) = content switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            _ => ((Encoding?)null, 0),
        };

        if (encoding is null)
        {
            return null;
        }

        try
        {
            return encoding.GetString(content[bomLength..]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArticleRejectedException($"invalid {encoding.WebName} after its byte order mark", ex);
        }
    }

    private static string DecodeWithoutBom(ReadOnlySpan<byte> content)
    {
        if (content.Contains((byte)0))
        {
            return DecodeUtf16WithoutBom(content) ?? throw new ArticleRejectedException("binary file (NUL bytes)");
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return MostlyValidUtf8(content) ?? Windows1252OrChinese(content);
        }
    }

    /// <summary>UTF-8 with rare malformed sequences, which decode to U+FFFD and are dropped by the normalizer.</summary>
    private static string? MostlyValidUtf8(ReadOnlySpan<byte> content)
    {
        var text = LenientUtf8.GetString(content);
        int errors = 0, valid = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                errors++;
            }
            else if (c >= 0x80)
            {
                valid++;
            }
        }

        return valid >= errors * MinValidCharactersPerUtf8Error ? text : null;
    }

    /// <summary>ASCII-heavy UTF-16 without a mark has a zero in every other byte; anything else with NULs is binary.</summary>
    private static string? DecodeUtf16WithoutBom(ReadOnlySpan<byte> content)
    {
        if (content.Length % 2 != 0)
        {
            return null;
        }

        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == 0)
            {
                if (i % 2 == 0)
                {
                    zeroEven++;
                }
                else
                {
                    zeroOdd++;
                }
            }
        }

        var pairs = content.Length / 2;
        bool? bigEndian = (zeroEven, zeroOdd) switch
        {
            _ when zeroOdd >= pairs * MinUtf16ZeroShare && zeroEven == 0 => false,
            _ when zeroEven >= pairs * MinUtf16ZeroShare && zeroOdd == 0 => true,
            _ => null,
        };

        if (bigEndian is null)
        {
            return null;
        }

        try
        {
            return new UnicodeEncoding(bigEndian.Value, byteOrderMark: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Windows1252OrChinese(ReadOnlySpan<byte> content)
    {
        var highBytes = 0;
        var isolatedHighBytes = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] < 0x80)
            {
                continue;
            }

            highBytes++;
            var previousHigh = i > 0 && content[i - 1] >= 0x80;
            var nextHigh = i + 1 < content.Length && content[i + 1] >= 0x80;
            if (!previousHigh && !nextHigh)
            {
                isolatedHighBytes++;
            }
        }

        if (isolatedHighBytes >= highBytes * MinIsolatedHighByteShare)
        {
            return Windows1252.GetString(content);
        }

        var gbShare = ChineseByteStatistics.FrequentShareGb18030(content);
        var big5Share = ChineseByteStatistics.FrequentShareBig5(content);
        if (Math.Max(gbShare, big5Share) >= MinFrequentHanziShare)
        {
            return gbShare >= big5Share ? Gb18030.GetString(content) : Big5.GetString(content);
        }

        if (highBytes <= content.Length * MaxHighByteShareForLatinFallback || LooksLikeLatinText(content))
        {
            return Windows1252.GetString(content);
        }

        throw new ArticleRejectedException(NotTextReason);
    }

    /// <summary>
    /// Latin text whose accented letters happen to stand together ("Größe"): every run of high bytes is
    /// short, as letters of a word are (Chinese text runs on for whole phrases), and each is a letter, a
    /// quote or a symbol in Windows-1252 (none of its five unassigned bytes).
    /// </summary>
    private static bool LooksLikeLatinText(ReadOnlySpan<byte> content)
    {
        var run = 0;
        Span<char> decoded = stackalloc char[1];
        foreach (var b in content)
        {
            if (b < 0x80)
            {
                run = 0;
                continue;
            }

            run++;
            Windows1252.GetChars([b], decoded);
            var c = decoded[0];
            var printable = char.IsLetter(c) || c == '\u00A0' || (c != '?' && (char.IsPunctuation(c) || char.IsSymbol(c)));
            if (run > MaxLatinHighByteRun || !printable)
            {
                return false;
            }
        }

        return true;
    }

    private static void RejectControlCharacters(string text)
    {
        var controls = text.Count(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f' or '\v'));
        if (controls > text.Length * MaxControlShare)
        {
            throw new ArticleRejectedException("binary file (control characters)");
        }
    }
}
