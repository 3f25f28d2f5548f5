namespace QaBot.Discord.Gateway;

/// <summary>Builds the URL to open: the Gateway or resume URL with <c>?v=10&amp;encoding=json</c>.</summary>
internal static class GatewayUri
{
    public static Uri WithVersionQuery(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
