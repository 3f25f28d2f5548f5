namespace QaBot.Analysis.Translation;

/// <summary>
/// Reads the glossary's TSV format: <c>en&lt;TAB&gt;de&lt;TAB&gt;zh</c>, alternatives in a column separated by <c>;</c>,
/// <c>#</c> comments and blank lines ignored. Lines without exactly three columns, or with fewer than two filled,
/// are skipped and counted.
/// </summary>
public static class GlossaryParser
{
    /// <summary>Parses every line of <paramref name="reader"/>.</summary>
    public static DictionaryParseResult<GlossaryEntry> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<GlossaryEntry>();
        var skipped = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3)
            {
                skipped++;
                continue;
            }

            var entry = new GlossaryEntry(Forms(columns[0]), Forms(columns[1]), Forms(columns[2]));
            var filled = (entry.English.Count > 0 ? 1 : 0) + (entry.German.Count > 0 ? 1 : 0) + (entry.Chinese.Count > 0 ? 1 : 0);
            if (filled < 2)
            {
                skipped++;
                continue;
            }

            entries.Add(entry);
        }

        return new DictionaryParseResult<GlossaryEntry>(entries, skipped);
    }

    private static string[] Forms(string column) =>
        column.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
