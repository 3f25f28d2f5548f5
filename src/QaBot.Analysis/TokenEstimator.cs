namespace QaBot.Analysis;

/// <summary>
/// Counts tokens the way chunk sizes are budgeted: one per Han character and one per run of other
/// letters or digits. Close to what an embedding model's tokenizer sees, and cheap.
/// </summary>
public static class TokenEstimator
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF'))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                    inWord = true;
                }
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }
}
