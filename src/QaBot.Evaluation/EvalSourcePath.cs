namespace QaBot.Evaluation;

/// <summary>
/// How a question set names a source: a path relative to the corpus folder ("maint-guide/dreq.de.html"), or a
/// bare file name for a file at its root ("000_a.txt"). Both are compared with the chunks' source paths after
/// the same normalisation ('/' separators, no leading "./" or '/').
/// </summary>
public static class EvalSourcePath
{
    public static string Normalise(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalised = path.Trim().Replace('\\', '/');
        while (normalised.StartsWith("./", StringComparison.Ordinal))
        {
            normalised = normalised[2..];
        }

        return normalised.TrimStart('/');
    }

    /// <summary>True when <paramref name="path"/> names one of <paramref name="expected"/>.</summary>
    public static bool IsAmong(string path, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var normalised = Normalise(path);
        return expected.Any(e => string.Equals(Normalise(e), normalised, StringComparison.Ordinal));
    }
}
