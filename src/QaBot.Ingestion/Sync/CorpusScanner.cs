namespace QaBot.Ingestion.Sync;

/// <summary>A file of the corpus folder: where it is and how it is cited (relative path, '/' separators).</summary>
public sealed record CorpusFile(string FullPath, string RelativePath, long Length);

/// <summary>What a scan found: the article files, what it skipped and why, and the folders it could not list.</summary>
/// <param name="UnlistedFolders">Relative paths ("" for the corpus folder itself) whose content is unknown, so their documents must stay in the index.</param>
public sealed record CorpusScan(IReadOnlyList<CorpusFile> Files, IReadOnlyList<IngestWarning> Warnings, IReadOnlyList<string> UnlistedFolders)
{
    /// <summary>True when the scan saw the folder of <paramref name="relativePath"/> and no readable article at that path.</summary>
    public bool IsKnownGone(string relativePath, ISet<string> present)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(present);
        return !present.Contains(relativePath)
            && !UnlistedFolders.Any(folder => folder.Length == 0 || relativePath.StartsWith(folder + "/", StringComparison.Ordinal));
    }
}

/// <summary>
/// Lists the article files of a corpus folder, recursively, in a stable order; hidden files are skipped.
/// Only regular files are listed. Symbolic links to folders are never followed (one that points inside the
/// corpus would walk a folder twice or loop; one that points outside leaves the corpus); a link to a regular
/// file inside the corpus is read. Every skipped link or special file is reported once by name.
/// </summary>
public sealed class CorpusScanner(IngestOptions options, IFolderLister? folders = null)
{
    private readonly IFolderLister _folders = folders ?? new FileSystemFolderLister();

    public CorpusScan Scan(string corpusPath)
    {
        ArgumentNullException.ThrowIfNull(corpusPath);
        if (!Directory.Exists(corpusPath))
        {
            throw new DirectoryNotFoundException($"The corpus folder '{Path.GetFullPath(corpusPath)}' does not exist. Set Corpus:Path (or --corpus) to the folder that holds the articles.");
        }

        var root = Path.GetFullPath(corpusPath);
        var realRoot = FileKinds.RealPath(root) ?? root;
        var extensions = new HashSet<string>(options.Extensions, StringComparer.OrdinalIgnoreCase);
        var files = new List<CorpusFile>();
        var warnings = new List<IngestWarning>();
        var unlisted = new List<string>();
        var pending = new Stack<(DirectoryInfo Folder, string Relative)>();
        pending.Push((new DirectoryInfo(root), string.Empty));
        while (pending.TryPop(out var next))
        {
            IReadOnlyList<FileSystemInfo> entries;
            try
            {
                entries = _folders.List(next.Folder);
            }
            catch (DirectoryNotFoundException)
            {
                continue; // removed while we walked: its files are gone
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                unlisted.Add(next.Relative);
                warnings.Add(new IngestWarning(next.Relative.Length == 0 ? "." : next.Relative + "/", $"folder cannot be listed ({exception.Message}); its documents stay in the index"));
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }

                var relative = next.Relative.Length == 0 ? entry.Name : next.Relative + "/" + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    AddLink(entry, relative);
                }
                else if (entry is DirectoryInfo folder)
                {
                    pending.Push((folder, relative));
                }
                else if (IsArticle(entry.Name))
                {
                    AddFile(entry.FullName, relative, FileKinds.Of(entry.FullName));
                }
            }
        }

        return new CorpusScan(files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(), warnings.OrderBy(w => w.RelativePath, StringComparer.Ordinal).ToList(), unlisted);

        bool IsArticle(string name) => extensions.Contains(Path.GetExtension(name));

        void AddLink(FileSystemInfo link, string relative)
        {
            var target = FileKinds.RealPath(link.FullName);
            var kind = target is null ? FileKind.Missing : FileKinds.Of(target);
            var inside = target is not null && FileKinds.IsInside(target, realRoot);
            if (kind == FileKind.Directory)
            {
                warnings.Add(new IngestWarning(relative, inside
                    ? "symbolic link to a folder inside the corpus (a loop or a second path to it); not followed"
                    : "symbolic link to a folder outside the corpus folder; not followed"));
            }
            else if (!IsArticle(link.Name))
            {
                return;
            }
            else if (target is null)
            {
                warnings.Add(new IngestWarning(relative, "symbolic link that loops or cannot be resolved; not read"));
            }
            else if (kind == FileKind.Regular && !inside)
            {
                warnings.Add(new IngestWarning(relative, "symbolic link to a file outside the corpus folder; not read"));
            }
            else if (kind != FileKind.Missing)
            {
                AddFile(target, relative, kind);
            }
            else
            {
                warnings.Add(new IngestWarning(relative, "symbolic link to a missing file; not read"));
            }
        }

        void AddFile(string fullPath, string relative, FileKind kind)
        {
            if (kind == FileKind.Regular)
            {
                var info = new FileInfo(fullPath);
                if (info.Exists)
                {
                    files.Add(new CorpusFile(fullPath, relative, info.Length));
                }
            }
            else if (kind != FileKind.Missing)
            {
                warnings.Add(new IngestWarning(relative, "not a regular file (a FIFO, device or socket); not read"));
            }
        }
    }
}
