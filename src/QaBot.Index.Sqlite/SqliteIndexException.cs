using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace QaBot.Index.Sqlite;

/// <summary>Why the embedded index cannot be used as it is.</summary>
public enum IndexProblem
{
    /// <summary>The file fails SQLite's integrity check or reads as malformed.</summary>
    Damaged,

    /// <summary>Not a SQLite file, or a SQLite file that is not a QaBot index.</summary>
    Foreign,

    /// <summary>Written by a newer QaBot (a higher schema version).</summary>
    TooNew,

    /// <summary>A write was needed and the file or its folder cannot be written.</summary>
    ReadOnly,

    /// <summary>The disk is full.</summary>
    DiskFull,

    /// <summary>Another process holds the lock longer than the time limit.</summary>
    Locked,

    /// <summary>Any other input/output failure.</summary>
    Unavailable,
}

/// <summary>
/// The embedded index cannot be opened, read or written. The message is one line for a person: it names the
/// file (or folder) and what to do.
/// </summary>
public sealed partial class SqliteIndexException(IndexProblem problem, string path, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public IndexProblem Problem { get; } = problem;

    /// <summary>The index file, or the data folder when the file could not be created.</summary>
    public string Path { get; } = path;

    public static SqliteIndexException Damaged(string path, string detail, Exception? inner = null) => new(
        IndexProblem.Damaged,
        path,
        $"The index {path} is damaged ({detail}). Run 'qabot ingest --rebuild' to move it aside and rebuild it from the corpus.",
        inner);

    public static SqliteIndexException Foreign(string path, string what, Exception? inner = null) => new(
        IndexProblem.Foreign,
        path,
        $"{path} is not a QaBot index ({what}). Run 'qabot ingest --rebuild' to move it aside and build the index from the corpus, or set Data:Path (--data) to another folder.",
        inner);

    public static SqliteIndexException TooNew(string path, string found) => new(
        IndexProblem.TooNew,
        path,
        $"The index {path} was written by a newer QaBot (schema {found}; this version reads {Schema.Version}). Use that version, or run 'qabot ingest --rebuild' to move it aside and rebuild it for this one.");

    public static SqliteIndexException ReadOnly(string path, Exception? inner = null) => new(
        IndexProblem.ReadOnly,
        path,
        $"The index {path} cannot be written: the file or its folder is read-only. Run 'qabot ingest' where Data:Path is writable (ask, chat, eval and discord only read the index).",
        inner);

    public static SqliteIndexException FolderNotWritable(string folder, Exception? inner = null) => new(
        IndexProblem.ReadOnly,
        folder,
        $"The data folder {folder} cannot be written, so the index cannot be created there. Set Data:Path (--data) to a writable folder.",
        inner);

    /// <summary>
    /// An error SQLite raised while the index was in use, as one line; null when the error is not about the
    /// file (a bug, a bad statement), which must stay visible as it is.
    /// </summary>
    public static SqliteIndexException? FromSqlite(SqliteException exception, string path)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = Detail(exception);
        return (exception.SqliteErrorCode & 0xFF) switch
        {
            SqliteResult.Corrupt => Damaged(path, detail, exception),
            SqliteResult.NotADatabase => Foreign(path, "not a SQLite database", exception),
            SqliteResult.ReadOnly => ReadOnly(path, exception),
            SqliteResult.CannotOpen or SqliteResult.Permission => new SqliteIndexException(
                IndexProblem.Unavailable,
                path,
                $"The index {path} cannot be opened ({detail}). Check that Data:Path (--data) is a folder this user can read and, for ingest, write.",
                exception),
            SqliteResult.Full => new SqliteIndexException(
                IndexProblem.DiskFull,
                path,
                $"The disk holding the index {path} is full; the write in progress was rolled back. Free some space (or set Data:Path to another disk) and run the command again.",
                exception),
            SqliteResult.Busy or SqliteResult.Locked => new SqliteIndexException(
                IndexProblem.Locked,
                path,
                $"The index {path} stayed locked by another process for longer than 30 seconds. Wait for that ingest to finish and run the command again.",
                exception),
            SqliteResult.IoError => new SqliteIndexException(
                IndexProblem.Unavailable,
                path,
                $"The index {path} could not be read or written ({detail}). Check the disk; if the error stays, run 'qabot ingest --rebuild'.",
                exception),
            _ => null,
        };
    }

    /// <summary>"SQLite Error 11: 'database disk image is malformed'." as "database disk image is malformed, SQLite error 11".</summary>
    private static string Detail(SqliteException exception)
    {
        var match = SqliteMessage().Match(exception.Message);
        var text = match.Success ? $"{match.Groups[2].Value}, SQLite error {match.Groups[1].Value}" : exception.Message;
        return text.ReplaceLineEndings(" ");
    }

    [GeneratedRegex(@"^SQLite Error (\d+): '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex SqliteMessage();

    /// <summary>SQLite's primary result codes that concern the file (sqlite3.h).</summary>
    private static class SqliteResult
    {
        public const int Permission = 3;
        public const int Busy = 5;
        public const int Locked = 6;
        public const int ReadOnly = 8;
        public const int IoError = 10;
        public const int Corrupt = 11;
        public const int Full = 13;
        public const int CannotOpen = 14;
        public const int NotADatabase = 26;
    }
}
