using System.Text.Json;

namespace QaBot.Evaluation;

/// <summary>How a JSON-lines file is described in errors.</summary>
/// <param name="FileKind">e.g. "question set".</param>
/// <param name="RecordKind">e.g. "question object".</param>
/// <param name="MissingFileHint">What to do when the file does not exist.</param>
/// <param name="RequiredFields">The error for an incomplete line, e.g. "a question needs id, question, ...".</param>
internal sealed record JsonLinesFormat(string FileKind, string RecordKind, string MissingFileHint, string RequiredFields);

/// <summary>Reads a JSON-lines file of one record type; blank lines are skipped, a bad line is an error naming the file and line.</summary>
internal static class JsonLinesFile
{
    public static IReadOnlyList<T> Read<T>(string path, JsonLinesFormat format, Func<T, bool> isComplete)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The {format.FileKind} '{Path.GetFullPath(path)}' does not exist. {format.MissingFileHint}", path);
        }

        var records = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? record;
            try
            {
                record = JsonSerializer.Deserialize<T>(line);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a valid {format.RecordKind} ({exception.Message}).", exception);
            }

            if (record is null || !isComplete(record))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {format.RequiredFields}.");
            }

            records.Add(record);
        }

        return records;
    }
}
