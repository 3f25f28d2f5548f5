using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using QaBot.Cli.Commands;
using QaBot.Cli.Hosting;
using QaBot.Cli.Output;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

/// <summary>
/// The compose case on one machine: one host ingests a collection into a data folder while another, sharing only
/// that folder, reads the status and starts up as a query command would.
/// </summary>
public sealed class StatusAcrossProcessesTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    private readonly Channel<IngestRun> _written = Channel.CreateUnbounded<IngestRun>();
    private string _corpus = string.Empty;
    private string _data = string.Empty;
    private IHost _ingesting = null!;
    private IHost _reading = null!;

    public async Task InitializeAsync()
    {
        _corpus = TestCorpus.CopyTo(_directory);
        _data = _directory.Combine("data");
        _ingesting = Build("ingest", services => services.AddSingleton<IIngestProgressStore>(provider =>
            new ObservedStore(new SqliteIngestProgressStore(provider.GetRequiredService<SqliteChunkIndex>()), _written.Writer)));
        _reading = Build("status", services => services.AddSingleton<IndexStatusReport>());
        await _ingesting.StartAsync();
        await _reading.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _ingesting.StopAsync();
        await _reading.StopAsync();
        _ingesting.Dispose();
        _reading.Dispose();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Status_WhileAnotherHostIngests_ShowsItsProgressThenReadyWhenItFinished()
    {
        using var progress = new PauseAfterFiles(2);
        var ingest = Task.Run(() => _ingesting.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, progress, CancellationToken.None));
        await progress.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(IngestProgressRecorder.MinWriteInterval);
        await NextWriteAsync(run => run.FilesDone == 2);
        _time.Advance(TimeSpan.FromSeconds(3));

        var during = IndexStatusReport.Format(await _reading.Services.GetRequiredService<IndexStatusReport>().ReadAsync(CancellationToken.None));
        progress.Resume();
        await ingest.WaitAsync(TimeSpan.FromSeconds(60));
        var after = IndexStatusReport.Format(await _reading.Services.GetRequiredService<IndexStatusReport>().ReadAsync(CancellationToken.None));

        Assert.Contains("Index:            ingesting 2 of 5 files (another process, heartbeat 3 s ago)", during, StringComparison.Ordinal);
        Assert.Contains("Index:            ready", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingest:", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureIndexed_AnotherHostBuildsTheIndex_DoesNotIngestTooAndReportsIngesting()
    {
        using var progress = new PauseAfterFiles(1);
        var ingest = Task.Run(() => _ingesting.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, progress, CancellationToken.None));
        await progress.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        using var ask = Build("ask", _ => { });
        var output = new StringWriter();

        await ask.Services.GetRequiredService<IndexBootstrapper>().EnsureIndexedAsync(output, CancellationToken.None);
        var state = ask.Services.GetRequiredService<IIndexState>().Current;
        progress.Resume();
        await ingest.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((IndexPhase.Ingesting, 0, 5), (state.Phase, state.FilesDone, state.FilesTotal));
        Assert.Contains("Another process is ingesting the corpus (0 of 5 files", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("The index is empty: ingesting", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_IngestingHostDiedMidway_ShowsReadyAndInterrupted()
    {
        using var progress = new PauseAfterFiles(2);
        var ingest = Task.Run(() => _ingesting.Services.GetRequiredService<CorpusSynchronizer>().SynchronizeAsync(_corpus, progress, CancellationToken.None));
        await progress.Paused.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(IngestProgressRecorder.MinWriteInterval);
        await NextWriteAsync(run => run.FilesDone == 2);

        // A dead process writes no more heartbeats: the reading host's clock moves on alone.
        using var later = Build("status", services => services.AddSingleton<IndexStatusReport>().AddSingleton<TimeProvider>(new FakeTimeProvider(_time.GetUtcNow() + IngestRun.StaleAfter + TimeSpan.FromSeconds(1))));
        var text = IndexStatusReport.Format(await later.Services.GetRequiredService<IndexStatusReport>().ReadAsync(CancellationToken.None));
        progress.Resume();
        await ingest.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("Index:            ready", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:           last ingest was interrupted at 2 of 5 files; the next `qabot ingest` repairs it", text, StringComparison.Ordinal);
    }

    private IHost Build(string command, Action<IServiceCollection> configure) =>
        QaBotHost.Build(QaBotCommandLine.Build().Parse([command, "--corpus", _corpus, "--data", _data]), services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            configure(services);
        });

    private async Task<IngestRun> NextWriteAsync(Func<IngestRun, bool> match)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = await _written.Reader.ReadAsync(guard.Token);
            if (match(run))
            {
                return run;
            }
        }
    }

    /// <summary>The ingesting host's store, telling the test about every record it wrote.</summary>
    private sealed class ObservedStore(IIngestProgressStore inner, ChannelWriter<IngestRun> written) : IIngestProgressStore
    {
        public async Task WriteAsync(IngestRun run, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(run, cancellationToken);
            written.TryWrite(run);
        }

        public Task<IngestRun?> ReadLatestAsync(CancellationToken cancellationToken) => inner.ReadLatestAsync(cancellationToken);
    }

    /// <summary>Holds the ingest after its n-th file until the test resumes it, as a long collection would keep it busy.</summary>
    private sealed class PauseAfterFiles(int files) : IIngestProgress, IDisposable
    {
        private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _resume = new();
        private int _done;

        public Task Paused => _paused.Task;

        public void Started(int fileCount)
        {
        }

        public void FileDone(FileResult result)
        {
            if (Interlocked.Increment(ref _done) == files)
            {
                _paused.TrySetResult();
                _resume.Wait(TimeSpan.FromSeconds(60));
            }
        }

        public void Resume() => _resume.Set();

        public void Dispose() => _resume.Dispose();
    }
}
