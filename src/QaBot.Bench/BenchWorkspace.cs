using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using QaBot.Core;
using QaBot.Ingestion.Sync;
using QaBot.Retrieval;

namespace QaBot.Bench;

/// <summary>
/// One generated collection and its index in a folder of its own, with a host over them. Ingest runs without
/// the collection refresh (the translation-table build), which the bench times on its own.
/// </summary>
public sealed class BenchWorkspace : IAsyncDisposable
{
    private BenchWorkspace(string root, IHost host, int articles)
    {
        Root = root;
        Host = host;
        Articles = articles;
    }

    public string Root { get; }

    public string CorpusPath => Path.Combine(Root, "corpus");

    public string DataPath => Path.Combine(Root, "data");

    public IHost Host { get; }

    public int Articles { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Generates about <paramref name="chunks"/> chunks of articles under <paramref name="root"/> (emptied first) and starts a host over them.</summary>
    public static async Task<BenchWorkspace> CreateAsync(
        BenchHostFactory hosts, string root, int chunks, int seed, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var corpus = Path.Combine(root, "corpus");
        Directory.CreateDirectory(corpus);
        var articles = await new SyntheticCorpusGenerator(seed).WriteAsync(corpus, chunks, cancellationToken);
        return await StartAsync(hosts, root, articles, configureServices, cancellationToken);
    }

    /// <summary>
    /// Copies a real collection (every file but hidden ones, sub-folders kept) under <paramref name="root"/>
    /// (emptied first) and starts a host over the copy, so the bench can change a file without touching the original.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The collection folder does not exist.</exception>
    public static async Task<BenchWorkspace> FromCollectionAsync(BenchHostFactory hosts, string root, string collection, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(collection))
        {
            throw new DirectoryNotFoundException($"bench --collection: the folder '{Path.GetFullPath(collection)}' does not exist. Give the folder of a collection of documents.");
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var corpus = Path.Combine(root, "corpus");
        var files = 0;
        foreach (var file in Directory.EnumerateFiles(collection, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(collection, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            {
                continue;
            }

            var target = Path.Combine(corpus, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            files++;
        }

        Directory.CreateDirectory(corpus);
        return await StartAsync(hosts, root, files, null, cancellationToken);
    }

    private static async Task<BenchWorkspace> StartAsync(
        BenchHostFactory hosts, string root, int articles, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        var corpus = Path.Combine(root, "corpus");
        var host = hosts(
            services =>
            {
                services.RemoveAll<ICollectionRefresher>();
                services.AddSingleton<TranslationTableRefresher>();
                configureServices?.Invoke(services);
            },
            // Each workspace is a collection of its own in its own folder: the embedded index, whatever the
            // configuration says (a shared Qdrant collection would mix the runs).
            new Dictionary<string, string?> { ["Corpus:Path"] = corpus, ["Data:Path"] = Path.Combine(root, "data"), ["Index:Provider"] = "embedded" });
        await host.StartAsync(cancellationToken);
        return new BenchWorkspace(root, host, articles);
    }

    /// <summary>Bytes of the files in the corpus folder (the source the ingest reads).</summary>
    public long CorpusBytes() => new DirectoryInfo(CorpusPath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>Ingests the corpus (no translation table); returns the report and the seconds taken.</summary>
    public async Task<(IngestReport Report, double Seconds)> IngestAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(CorpusPath, progress: null, cancellationToken);
        return (report, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>Builds the translation table as ingest would at its end; returns the milliseconds taken.</summary>
    public async Task<double> BuildTranslationTableAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        await Services.GetRequiredService<TranslationTableRefresher>().RefreshAsync(collectionChanged: true, cancellationToken);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Bytes of the index file and its write-ahead log.</summary>
    public long IndexBytes() =>
        Directory.Exists(DataPath) ? new DirectoryInfo(DataPath).EnumerateFiles("index.db*").Sum(f => f.Length) : 0;

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        Host.Dispose();
    }

    /// <summary>The process's peak resident set so far (VmHWM on Linux).</summary>
    public static long PeakRssBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
