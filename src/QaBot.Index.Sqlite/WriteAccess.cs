namespace QaBot.Index.Sqlite;

/// <summary>
/// Whether the index file and its folder can be written. SQLite reports a read-only volume as "unable to
/// open database file" when it cannot create the journal; this tells that apart from other open failures.
/// Only asked after a failure, so the probe file it creates (and deletes) costs nothing on the normal path.
/// </summary>
internal static class WriteAccess
{
    public static bool IsDenied(string databasePath)
    {
        try
        {
            if (File.Exists(databasePath))
            {
                using var file = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }

            var probe = Path.Combine(Path.GetDirectoryName(databasePath)!, $".{Path.GetFileName(databasePath)}.write-probe-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
