using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;

namespace QaBot.Discord;

/// <summary>Checks <see cref="DiscordOptions"/> at start-up; every failure names the configuration key to fix.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = DiscordOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add($"{section}:Token is missing. Set the bot token in configuration or the environment, never in a committed file.");
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{section}:Token must be the bare token, without the 'Bot ' prefix.");
        }
        else if (options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:Token contains whitespace; copy the token again from the Developer Portal.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || (options.ApiBaseUrl.Scheme != Uri.UriSchemeHttps && options.ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{section}:ApiBaseUrl must be an absolute http(s) URL such as {DiscordOptions.DefaultApiBaseUrl}.");
        }

        if (options.GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || (gateway.Scheme != Uri.UriSchemeWss && gateway.Scheme != Uri.UriSchemeWs)))
        {
            failures.Add($"{section}:GatewayUrl must be an absolute ws(s) URL such as wss://gateway.discord.gg, or unset.");
        }

        if (options.Intents == GatewayIntents.None || (options.Intents & ~GatewayIntents.All) != 0)
        {
            failures.Add($"{section}:Intents must name known intents, e.g. \"Guilds, GuildMessages, DirectMessages\".");
        }

        if (options.EventQueueCapacity < 1)
        {
            failures.Add($"{section}:EventQueueCapacity must be at least 1.");
        }

        if (options.RestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:RestTimeout must be positive, e.g. 00:00:30.");
        }

        if (options.UserAgentUrl is { IsAbsoluteUri: false })
        {
            failures.Add($"{section}:UserAgentUrl must be an absolute URL (your bot's homepage or repository), or unset.");
        }

        for (var i = 0; i < options.ModeratorRoleIds.Count; i++)
        {
            // A blank entry is an unset one (an empty environment variable, as compose passes it without a value).
            var id = options.ModeratorRoleIds[i]?.Trim() ?? string.Empty;
            var isRole = ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var role) && role != 0;
            if (id.Length > 0 && !isRole)
            {
                failures.Add($"{section}:ModeratorRoleIds:{i} is '{id}', not a role id: give one number per entry (:0, :1, …), "
                    + "copied with Developer Mode on from Server Settings → Roles → ⋯ → Copy Role ID.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
