namespace QaBot.Core.Configuration;

/// <summary>Base addresses for relative requests.</summary>
public static class UriExtensions
{
    /// <summary>
    /// <paramref name="uri"/> with a trailing slash, so a relative path is resolved below it
    /// (<c>new Uri(http://host/v1/, "embeddings")</c> is <c>/v1/embeddings</c>; without the slash it would replace <c>v1</c>).
    /// </summary>
    public static Uri WithTrailingSlash(this Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
