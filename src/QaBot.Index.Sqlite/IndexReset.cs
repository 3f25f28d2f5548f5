namespace QaBot.Index.Sqlite;

/// <summary>What <see cref="SqliteChunkIndex.ResetAsync"/> did with the old file.</summary>
/// <param name="MovedTo">Where a file that failed the check now is (its journal beside it); null when a sound file was deleted or there was none.</param>
/// <param name="Problem">Why it was moved aside.</param>
public sealed record IndexReset(string DatabasePath, string? MovedTo, SqliteIndexException? Problem)
{
    /// <summary>One line for the person who asked for the rebuild.</summary>
    public string Describe(string corpusPath) => MovedTo is null
        ? $"Rebuilding the index {DatabasePath} from {corpusPath} (the old index, if any, was deleted)."
        : $"Moved the index {DatabasePath} aside to {MovedTo} ({Reason}); rebuilding it from {corpusPath}.";

    private string Reason => Problem?.Problem switch
    {
        IndexProblem.Damaged => "damaged",
        IndexProblem.Foreign => "not a QaBot index",
        IndexProblem.TooNew => "written by a newer QaBot",
        _ => "unusable",
    };
}
