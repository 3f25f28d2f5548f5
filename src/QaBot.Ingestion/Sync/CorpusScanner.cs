namespace QaBot.Ingestion.Sync;

/// <summary>A file of the corpus folder: where it is and how it is cited (relative path, '/' separators).</summary>
public sealed record CorpusFile(string FullPath, string RelativePath, long Length);

/// <summary>Lists the article files of a corpus folder, recursively, in a stable order; hidden files are skipped.</summary>
public sealed class CorpusScanner(IngestOptions options)
{
    public IReadOnlyList<CorpusFile> Scan(string corpusPath)
    {
        ArgumentNullException.ThrowIfNull(corpusPath);
        if (!Directory.Exists(corpusPath))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(corpusPath)}' does not exist. Set Corpus:Path (or --corpus) to the folder that holds the articles.");
        }

        var root = Path.GetFullPath(corpusPath);
        var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return new DirectoryInfo(root)
            .EnumerateFiles("*", enumeration)
            .Where(f => !f.Name.StartsWith('.') && extensions.Contains(f.Extension))
            .Select(f => new CorpusFile(f.FullName, Path.GetRelativePath(root, f.FullName).Replace('\\', '/'), f.Length))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
    }
}
