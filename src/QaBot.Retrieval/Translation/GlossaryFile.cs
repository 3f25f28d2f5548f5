using System.Text;
using QaBot.Analysis.Translation;

namespace QaBot.Retrieval.Translation;

/// <summary>The collection's glossary as read from its file: its entries and its bytes (for the table's fingerprint).</summary>
/// <param name="Path">The full path read, or null when the collection has no glossary.</param>
/// <param name="Entries">The parsed entries.</param>
/// <param name="Content">The file's bytes; empty when there is none.</param>
public sealed record GlossaryFile(string? Path, IReadOnlyList<GlossaryEntry> Entries, byte[] Content)
{
    /// <summary>No glossary.</summary>
    public static GlossaryFile None { get; } = new(null, [], []);

    /// <summary>Which file <c>Translation:GlossaryPath</c> names for a corpus folder, or null for none.</summary>
    /// <exception cref="FileNotFoundException">The setting names a file that does not exist.</exception>
    public static string? Resolve(string? configuredPath, string corpusPath)
    {
        ArgumentNullException.ThrowIfNull(corpusPath);
        if (configuredPath is null)
        {
            var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(corpusPath, TranslationOptions.DefaultGlossaryFileName));
            return File.Exists(beside) ? beside : null;
        }

        if (string.IsNullOrWhiteSpace(configuredPath))
        {
            return null;
        }

        var full = System.IO.Path.GetFullPath(configuredPath);
        return File.Exists(full)
            ? full
            : throw new FileNotFoundException($"The glossary '{full}' named by Translation:GlossaryPath does not exist. Fix the path, or set it to empty for no glossary.", full);
    }

    /// <summary>Reads and parses the glossary at <paramref name="path"/>; <see cref="None"/> when null.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names the file and line.</exception>
    public static GlossaryFile Load(string? path)
    {
        if (path is null)
        {
            return None;
        }

        var content = File.ReadAllBytes(path);
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
        return new GlossaryFile(path, GlossaryParser.Parse(reader, path).Entries, content);
    }
}
