using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using QaBot.Cli.Commands;
using QaBot.Core;
using QaBot.Index.Sqlite;
using QaBot.Ingestion.Sync;
using QaBot.Testing;

namespace QaBot.Cli.Tests.Commands;

/// <summary>Every command on a broken index: one line naming the file and the fix, exit code 4, no stack trace; ingest --rebuild recovers.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class BrokenIndexTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _corpus;
    private readonly string _data;
    private readonly string _index;

    public BrokenIndexTests()
    {
        _corpus = _directory.Combine("corpus");
        _directory.WriteFile("corpus/lighthouse.txt", "The lighthouse keeper\n\nThe lighthouse on the northern cape was lit every evening at dusk by its keeper.\n");
        _data = _directory.Combine("data");
        _index = Path.Combine(_data, "index.db");
        _directory.WriteFile("set.jsonl", """{"id": "q1", "question": "When was the lighthouse lit?", "lang": "en", "sources": ["lighthouse.txt"], "answer_any": [["dusk"]], "kind": "factual"}""" + "\n");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    public static TheoryData<string, string> CommandsAndDamage()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "ingest", "ask", "chat", "eval" })
        {
            foreach (var damage in new[] { "truncated", "garbage", "foreign", "newer" })
            {
                data.Add(command, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandsAndDamage))]
    public async Task Invoke_BrokenIndex_OneLineNamingTheFileExitCode4(string command, string damage)
    {
        // Arrange
        await BuildIndexAsync();
        Damage(damage);
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync(command switch
        {
            "ask" => ["ask", "When was the lighthouse lit?"],
            "eval" => ["eval", "--set", _directory.Combine("set.jsonl")],
            _ => [command],
        });

        // Assert
        Assert.True(exitCode == ExitCodes.IndexUnusable, $"exit {exitCode}\nout: {console.Out}\nerror: {console.Error}");
        var line = Assert.Single(console.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Error: ", line, StringComparison.Ordinal);
        Assert.Contains(_index, line, StringComparison.Ordinal);
        Assert.Contains("qabot ingest --rebuild", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingest:", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RebuildOfADamagedIndex_MovedAsideSaidInOneLineAndEveryFileIngested()
    {
        // Arrange
        await BuildIndexAsync();
        Damage("garbage");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await InvokeAsync("ingest", "--rebuild");
        var again = await InvokeAsync("ingest");

        // Assert
        Assert.True(exitCode == ExitCodes.Success, $"exit {exitCode}\nerror: {console.Error}");
        Assert.Equal(ExitCodes.Success, again);
        var moved = Assert.Single(Directory.GetFiles(_data, "index.db.broken-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        Assert.Contains($"Moved the index {_index} aside to {moved} (damaged); rebuilding it from {_corpus}.", console.Error, StringComparison.Ordinal);
        Assert.Contains("Ingest: 1 added,", console.Out, StringComparison.Ordinal);
        Assert.Contains("Ingest: 0 added, 0 updated, 0 removed, 1 unchanged", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_IngestedIndex_OpenedReadOnlyFileUnchanged()
    {
        // Arrange: a rollback-journal file shows any write at start (WAL switch, schema version).
        using var console = new ConsoleCapture();
        Assert.Equal(ExitCodes.Success, await InvokeAsync("ingest"));
        SqliteConnection.ClearAllPools();
        await ExecuteAsync("PRAGMA journal_mode = DELETE");
        var before = Hash(_index);

        // Act
        var exitCode = await InvokeAsync("ask", "When was the lighthouse lit?");
        SqliteConnection.ClearAllPools();

        // Assert
        Assert.True(exitCode == ExitCodes.Success, $"exit {exitCode}\nerror: {console.Error}");
        Assert.Contains("lighthouse.txt", console.Out, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_index));
    }

    [Fact]
    public async Task Ask_NoIndexAndADataFolderThatCannotBeWritten_OneLineSayingToIngestWhereWritable()
    {
        // Arrange: the data folder would be inside a regular file (a read-only mode would not stop root).
        _directory.WriteFile("plain-file", "x");
        var data = _directory.Combine("plain-file", "data");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ask", "When was the lighthouse lit?", "--corpus", _corpus, "--data", data]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.IndexUnusable, exitCode);
        Assert.Equal(
            $"Error: The index {Path.Combine(data, "index.db")} is missing, empty or of an older version and cannot be written here (read-only file or folder). Run 'qabot ingest' where Data:Path is writable, then use the index read-only.",
            console.Error.Trim());
    }

    [Fact]
    public async Task Ingest_DataFolderThatCannotBeCreated_OneLineNamingTheFolder()
    {
        // Arrange
        _directory.WriteFile("plain-file", "x");
        var data = _directory.Combine("plain-file", "data");
        using var console = new ConsoleCapture();

        // Act
        var exitCode = await QaBotCommandLine.Build().Parse(["ingest", "--corpus", _corpus, "--data", data]).InvokeAsync();

        // Assert
        Assert.Equal(ExitCodes.IndexUnusable, exitCode);
        Assert.Equal($"Error: The data folder {data} cannot be written, so the index cannot be created there. Set Data:Path (--data) to a writable folder.", console.Error.Trim());
    }

    [Fact]
    public void ForIngest_OnlyVanishedOrNothingToIndexFiles_SuccessAndAFailedFileExitCode3()
    {
        // Arrange
        var vanished = new FileResult("gone.txt", FileOutcome.Vanished, Reason: "vanished between scan and read");
        var navigation = new FileResult("toc.html", FileOutcome.NothingToIndex, Reason: "nothing to index: only navigation");
        var failed = new FileResult("bad.txt", FileOutcome.Failed, Reason: "unreadable");

        // Act
        var onlyVanished = ExitCodes.ForIngest(new IngestReport([vanished, navigation], TimeSpan.Zero));
        var withFailure = ExitCodes.ForIngest(new IngestReport([vanished, failed], TimeSpan.Zero));

        // Assert
        Assert.Equal((ExitCodes.Success, ExitCodes.SomeFilesFailed), (onlyVanished, withFailure));
    }

    private async Task BuildIndexAsync()
    {
        using var index = new SqliteChunkIndex(new SqliteIndexOptions { DatabasePath = _index });
        for (var i = 0; i < 120; i++)
        {
            var chunk = new Chunk($"doc{i}.txt", 0, "Title", null, null, 1, 1, "en", "keeper lighthouse " + new string('x', 2_000));
            await index.ReplaceDocumentAsync(new ManifestEntry($"doc{i}.txt", "h", "v", 1, DateTimeOffset.UnixEpoch), [new IndexedChunk(chunk, ["keeper", "lighthouse"])], CancellationToken.None);
        }
    }

    private void Damage(string kind)
    {
        switch (kind)
        {
            case "truncated":
                using (var file = File.OpenWrite(_index))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            case "garbage":
                using (var file = new FileStream(_index, FileMode.Open, FileAccess.Write))
                {
                    file.Position = file.Length / 2 / 4096 * 4096;
                    file.Write(new Random(15).GetItems(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 65_536));
                }

                break;
            case "foreign":
                File.Delete(_index);
                ExecuteAsync("CREATE TABLE contacts (name TEXT)").GetAwaiter().GetResult();
                break;
            case "newer":
                ExecuteAsync("UPDATE meta SET value = '999' WHERE key = 'schema_version'").GetAwaiter().GetResult();
                break;
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_index};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private Task<int> InvokeAsync(params string[] args) =>
        QaBotCommandLine.Build().Parse([.. args, "--corpus", _corpus, "--data", _data]).InvokeAsync();
}
