namespace QaBot.Analysis;

/// <summary>Reads the data files compiled into this assembly.</summary>
internal static class EmbeddedData
{
    public static Stream Open(string name) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing from {typeof(EmbeddedData).Assembly.GetName().Name}; rebuild the project.");

    /// <summary>Lines of a UTF-8 text resource, without blank lines and '#' comments.</summary>
    public static IEnumerable<string> ReadLines(string name)
    {
        using var reader = new StreamReader(Open(name));
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed;
            }
        }
    }

    /// <summary>OpenCC format: <c>from&lt;TAB&gt;to [alternatives]</c>; the first alternative is taken.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReadPairs(string name)
    {
        foreach (var line in ReadLines(name))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            var to = line[(tab + 1)..];
            var space = to.IndexOf(' ', StringComparison.Ordinal);
            yield return new(line[..tab], space < 0 ? to : to[..space]);
        }
    }
}
