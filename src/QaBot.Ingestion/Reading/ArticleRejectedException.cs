namespace QaBot.Ingestion.Reading;

/// <summary>
/// Thrown by <see cref="ArticleParser"/> when a file's content cannot be used as an article
/// (binary, undecodable, or nothing left after cleaning). The message is a short human reason.
/// </summary>
public sealed class ArticleRejectedException : Exception
{
    public ArticleRejectedException()
        : base("article rejected")
    {
    }

    public ArticleRejectedException(string message)
        : base(message)
    {
    }

    public ArticleRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the file had text but all of it was navigation or boilerplate (links, a table of contents, a comment
    /// box, text repeated across the collection): nothing to index, which is a warning (a chapter page that only
    /// lists its sections), not a failure.
    /// </summary>
    public bool OnlyNavigation { get; private init; }

    /// <summary>The rejection of a file whose text was all navigation.</summary>
    public static ArticleRejectedException NothingButNavigation() =>
        new("nothing to index: only navigation or boilerplate (links, a table of contents, a comment box, text repeated across the collection)") { OnlyNavigation = true };
}
