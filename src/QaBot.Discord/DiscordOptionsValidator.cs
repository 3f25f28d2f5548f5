using Microsoft.Extensions.Options;
using QaBot.Discord.Gateway;

namespace QaBot.Discord;

/// <summary>The data annotations of <see cref="DiscordOptions"/>, checked by generated code.</summary>
[OptionsValidator]
public sealed partial class DiscordOptionsAnnotations : IValidateOptions<DiscordOptions>
{
}

/// <summary>
/// Checks <see cref="DiscordOptions"/> at start-up: its annotations (through <see cref="DiscordOptionsAnnotations"/>),
/// then what they cannot say (URL schemes, known intents, each moderator role id). Every failure names the key to fix.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    private static readonly DiscordOptionsAnnotations Annotations = new();

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = DiscordOptions.SectionName;
        // The generated validator names a member "{name}.{Member}"; given the section, that becomes the key "Discord:Member".
        var failures = Annotations.Validate(section, options).Failures?.Select(failure => ToKey(section, failure)).ToList() ?? [];

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

    /// <summary>"Token: Discord.Token is missing." → "Discord:Token is missing."</summary>
    private static string ToKey(string section, string failure)
    {
        var separator = failure.IndexOf(": ", StringComparison.Ordinal);
        var message = separator > 0 ? failure[(separator + 2)..] : failure;
        return message.Replace(section + ".", section + ":", StringComparison.Ordinal);
    }
}
