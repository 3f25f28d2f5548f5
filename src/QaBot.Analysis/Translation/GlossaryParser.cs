namespace QaBot.Analysis.Translation;

/// <summary>
/// Reads the glossary's TSV format: <c>en&lt;TAB&gt;de&lt;TAB&gt;zh</c>, alternatives in a column separated by <c>;</c>,
/// <c>#</c> comments and blank lines ignored. A line without exactly three columns, or with fewer than two filled,
/// is an error: a glossary is written by hand, and a silently dropped line would be a name that never translates.
/// </summary>
public static class GlossaryParser
{
    /// <summary>Parses every line of <paramref name="reader"/>.</summary>
    /// <param name="reader">The glossary text.</param>
    /// <param name="sourceName">The file name, for error messages.</param>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    public static DictionaryParseResult<GlossaryEntry> Parse(TextReader reader, string sourceName = "glossary")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<GlossaryEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw Malformed(sourceName, lineNumber, $"expected three TAB-separated columns (en, de, zh), found {columns.Length}");
            }

            var entry = new GlossaryEntry(Forms(columns[0]), Forms(columns[1]), Forms(columns[2]));
            var filled = (entry.English.Count > 0 ? 1 : 0) + (entry.German.Count > 0 ? 1 : 0) + (entry.Chinese.Count > 0 ? 1 : 0);
            if (filled < 2)
            {
                throw Malformed(sourceName, lineNumber, "at least two of the three columns (en, de, zh) must be filled");
            }

            entries.Add(entry);
        }

        return new DictionaryParseResult<GlossaryEntry>(entries, 0);
    }

    private static InvalidDataException Malformed(string sourceName, int lineNumber, string problem) =>
        new($"Glossary '{sourceName}', line {lineNumber}: {problem}. Fix the line or comment it out with '#'.");

    private static string[] Forms(string column) =>
        column.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
