namespace QaBot.Ingestion.Reading;

/// <summary>
/// Tells GB18030 from Big5 by byte structure. Both standards put their frequent characters in one
/// block: GB2312 level 1 (lead bytes B0-D7, 3,755 characters) and Big5 level 1 (lead bytes A4-C6,
/// 5,401 characters). Real text in one encoding has nearly all of its characters in that block;
/// the same bytes read as the other encoding land there far less often.
/// </summary>
internal static class ChineseByteStatistics
{
    /// <summary>Share of GB18030 double-byte characters (punctuation rows aside) that are GB2312 level 1.</summary>
    public static double FrequentShareGb18030(ReadOnlySpan<byte> content)
    {
        int characters = 0, frequent = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var lead = content[i];
            if (lead < 0x81 || lead == 0xFF || i + 1 >= content.Length)
            {
                continue;
            }

            var trail = content[i + 1];
            if (trail is >= 0x30 and <= 0x39)
            {
                // A four-byte GB18030 sequence: rare characters.
                characters++;
                i += 3;
                continue;
            }

            i++;
            if (lead is >= 0xA1 and <= 0xA9 && trail >= 0xA1)
            {
                continue;
            }

            characters++;
            if (lead is >= 0xB0 and <= 0xD7 && trail >= 0xA1)
            {
                frequent++;
            }
        }

        return characters == 0 ? 0 : (double)frequent / characters;
    }

    /// <summary>Share of Big5 double-byte characters (punctuation rows aside) that are Big5 level 1.</summary>
    public static double FrequentShareBig5(ReadOnlySpan<byte> content)
    {
        int characters = 0, frequent = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var lead = content[i];
            if (lead < 0x81 || lead == 0xFF || i + 1 >= content.Length)
            {
                continue;
            }

            var trail = content[i + 1];
            i++;
            if (lead is >= 0xA1 and <= 0xA3)
            {
                continue;
            }

            characters++;
            if (lead is >= 0xA4 and <= 0xC6 && (trail is >= 0x40 and <= 0x7E || trail >= 0xA1))
            {
                frequent++;
            }
        }

        return characters == 0 ? 0 : (double)frequent / characters;
    }
}
