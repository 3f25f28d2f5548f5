using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using QaBot.Core;

namespace QaBot.DiscordBot;

/// <summary>A conversation turn as stored: a follow-up after a restart sees it.</summary>
internal sealed record StoredTurn(string Question, string Answer, DateTimeOffset At);

/// <summary>
/// What the bot remembers across restarts, in one SQLite file (<c>DiscordBot:StateFile</c>, by default
/// <c>Data:Path/discord.db</c> beside the index): the threads it opened (each is a conversation), the turns of each
/// conversation, every answer that can still be rated or reviewed (no count limit) with the files it retrieved, the
/// messages each answer was posted in, and the votes. Separate from the index file, so re-creating the index never
/// loses it.
/// </summary>
internal sealed class BotStateStore
{
    public const string FileName = "discord.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS threads (thread_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS turns (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (conversation_id, id);
        CREATE TABLE IF NOT EXISTS answers (answer_id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS votes (answer_id TEXT NOT NULL, voter TEXT NOT NULL, vote TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (answer_id, voter));
        CREATE TABLE IF NOT EXISTS answer_messages (message_id TEXT PRIMARY KEY, answer_id TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    /// <param name="path">The database file; its folder is created.</param>
    public BotStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
    }

    public string Path { get; }

    public IReadOnlyList<ulong> LoadThreads()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT thread_id FROM threads";
        using var reader = command.ExecuteReader();
        var threads = new List<ulong>();
        while (reader.Read())
        {
            threads.Add(ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
        }

        return threads;
    }

    public void AddThread(ulong threadId, DateTimeOffset at)
    {
        using var connection = Open();
        Execute(connection, "INSERT OR IGNORE INTO threads (thread_id, created_at) VALUES ($id, $at)", ("$id", Id(threadId)), ("$at", Time(at)));
    }

    public void AddTurn(string conversationId, string question, string answer, DateTimeOffset at)
    {
        using var connection = Open();
        Execute(
            connection,
            "INSERT INTO turns (conversation_id, question, answer, at) VALUES ($c, $q, $a, $at)",
            ("$c", conversationId), ("$q", question), ("$a", answer), ("$at", Time(at)));
    }

    /// <summary>The last <paramref name="maxTurns"/> turns of a conversation at or after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<StoredTurn> RecentTurns(string conversationId, DateTimeOffset since, int maxTurns)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, answer, at FROM turns WHERE conversation_id = $c AND at >= $since ORDER BY id DESC LIMIT $n";
        command.Parameters.AddWithValue("$c", conversationId);
        command.Parameters.AddWithValue("$since", Time(since));
        command.Parameters.AddWithValue("$n", maxTurns);
        using var reader = command.ExecuteReader();
        var turns = new List<StoredTurn>();
        while (reader.Read())
        {
            turns.Add(new StoredTurn(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        turns.Reverse();
        return turns;
    }

    public void SaveAnswer(AnsweredQuestion answered, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var answer = answered.Answer;
        var stored = new StoredAnswer(
            answer.Text,
            answer.Refused,
            [.. answer.Citations.Select(c => new StoredSource(c.SourcePath, c.StartLine, c.EndLine, c.Title))],
            [.. answer.Retrieval.Passages.Select(p => p.Chunk.SourcePath).Distinct(StringComparer.Ordinal)]);
        using var connection = Open();
        Execute(
            connection,
            "INSERT OR REPLACE INTO answers (answer_id, question, answer, at) VALUES ($id, $q, $a, $at)",
            ("$id", answered.AnswerId), ("$q", answered.Question), ("$a", JsonSerializer.Serialize(stored)), ("$at", Time(at)));
    }

    public AnsweredQuestion? FindAnswer(string answerId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT question, answer FROM answers WHERE answer_id = $id";
        command.Parameters.AddWithValue("$id", answerId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredAnswer>(reader.GetString(1))
            ?? throw new InvalidDataException($"{Path}: answer {answerId} is not readable.");
        var citations = stored.Sources.Select((s, i) => new Citation(i + 1, s.Path, s.StartLine, s.EndLine, s.Title)).ToList();
        var answer = new Answer(stored.Text, citations, stored.Refused, RetrievalResult.Empty, "stored", TimeSpan.Zero);
        return new AnsweredQuestion(answerId, reader.GetString(0), answer) { RetrievedSources = stored.Retrieved ?? [] };
    }

    /// <summary>Remembers the messages an answer was posted in, so a command on any of them finds the answer.</summary>
    public void AddAnswerMessages(string answerId, IEnumerable<ulong> messageIds)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var messageId in messageIds)
        {
            Execute(connection, "INSERT OR REPLACE INTO answer_messages (message_id, answer_id) VALUES ($m, $a)", ("$m", Id(messageId)), ("$a", answerId));
        }

        transaction.Commit();
    }

    /// <summary>The answer posted in message <paramref name="messageId"/>, if it is one of the bot's answers.</summary>
    public string? FindAnswerIdByMessage(ulong messageId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT answer_id FROM answer_messages WHERE message_id = $m";
        command.Parameters.AddWithValue("$m", Id(messageId));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Records a vote; a later vote by the same voter on the same answer replaces it.</summary>
    public void RecordVote(string answerId, string voter, FeedbackVote vote, DateTimeOffset at)
    {
        using var connection = Open();
        Execute(
            connection,
            "INSERT OR REPLACE INTO votes (answer_id, voter, vote, at) VALUES ($id, $voter, $vote, $at)",
            ("$id", answerId), ("$voter", voter), ("$vote", vote.ToString()), ("$at", Time(at)));
    }

    public int CountVotes(string answerId)
    {
        var (up, down) = CountVotesByKind(answerId);
        return up + down;
    }

    /// <summary>The answer's 👍 and 👎, each voter's last vote counting once.</summary>
    public (int Up, int Down) CountVotesByKind(string answerId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT vote, COUNT(*) FROM votes WHERE answer_id = $id GROUP BY vote";
        command.Parameters.AddWithValue("$id", answerId);
        using var reader = command.ExecuteReader();
        var (up, down) = (0, 0);
        while (reader.Read())
        {
            var count = reader.GetInt32(1);
            if (reader.GetString(0) == nameof(FeedbackVote.Up))
            {
                up = count;
            }
            else
            {
                down = count;
            }
        }

        return (up, down);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    // Round-trip UTC text sorts in time order, so "at >= $since" compares correctly.
    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // The names the stored JSON has had from the start (they were the feedback file's).
    private sealed record StoredSource(
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("start_line")] int StartLine,
        [property: JsonPropertyName("end_line")] int EndLine,
        [property: JsonPropertyName("title")] string Title);

    /// <param name="Retrieved">Files of the retrieved passages in rank order; null in answers stored before it was kept.</param>
    private sealed record StoredAnswer(string Text, bool Refused, IReadOnlyList<StoredSource> Sources, IReadOnlyList<string>? Retrieved);
}
