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
}
