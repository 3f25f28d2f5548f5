using System.ComponentModel.DataAnnotations;
using QaBot.Discord.Gateway;

namespace QaBot.Discord;

/// <summary>Settings for the Discord client, bound from the <c>Discord</c> configuration section.</summary>
/// <remarks>
/// The token comes from configuration or the environment only (<c>Discord:Token</c>, or <c>Discord__Token</c> as an
/// environment variable). It is never logged and <see cref="ToString"/> does not show it.
/// </remarks>
public sealed class DiscordOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Discord";

    /// <summary>Discord's own REST base, version included.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://discord.com/api/v10/");

    /// <summary>The bot token, without the <c>Bot </c> prefix (<c>Discord:Token</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "{0} is missing: the bot token from the Developer Portal (keep it out of committed files).")]
    [RegularExpression(@"^(?![Bb][Oo][Tt] )\S+$", ErrorMessage = "{0} must be the bare token, without the 'Bot ' prefix or whitespace; copy the token again from the Developer Portal.")]
    public string Token { get; set; } = string.Empty;

    /// <summary>A guild to register slash commands in instantly (<c>Discord:GuildId</c>); global registration when unset.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>Channels the bot may answer in (<c>Discord:AllowedChannels</c>); empty means every channel it can see.</summary>
    public IList<ulong> AllowedChannels { get; } = [];

    /// <summary>Guilds the bot may answer in (<c>Discord:AllowedGuilds</c>); empty means every guild it is in. DMs are not affected.</summary>
    public IList<ulong> AllowedGuilds { get; } = [];

    /// <summary>
    /// Role ids whose members may review answers (<c>Discord:ModeratorRoleIds</c>, one id per entry:
    /// <c>Discord:ModeratorRoleIds:0</c>, <c>:1</c>…). Kept as text so a wrong entry gets a message naming it rather
    /// than a conversion error; <see cref="ModeratorRoles"/> has them as snowflakes. Empty (or only blank entries)
    /// means nobody, and the review command is not registered.
    /// </summary>
    public IList<string> ModeratorRoleIds { get; } = [];

    /// <summary>The moderator roles as snowflakes; entries that are not ids are left out (the validator names them).</summary>
    public IReadOnlySet<ulong> ModeratorRoles =>
        ModeratorRoleIds.Select(id => ulong.TryParse(id.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var role) ? role : 0)
            .Where(role => role != 0)
            .ToHashSet();

    /// <summary>
    /// The Gateway to connect to (<c>Discord:GatewayUrl</c>). When unset, the URL Discord returns from
    /// <c>GET /gateway/bot</c> is used (normally <c>wss://gateway.discord.gg</c>). Set it to point tests or staging elsewhere.
    /// </summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The REST base including the API version (<c>Discord:ApiBaseUrl</c>).</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The Gateway intents sent with Identify (<c>Discord:Intents</c>); defaults to guilds, guild messages and DMs (4609).</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Default;

    /// <summary>How many received events may wait for the app before the receive loop waits too (<c>Discord:EventQueueCapacity</c>).</summary>
    [Range(1, int.MaxValue)]
    public int EventQueueCapacity { get; set; } = 256;

    /// <summary>
    /// The URL in the required <c>DiscordBot ($url, $version)</c> User-Agent (<c>Discord:UserAgentUrl</c>): the bot's
    /// homepage or repository. The project has no public URL of its own, so when unset the library's name stands in
    /// that place rather than an invented address.
    /// </summary>
    public Uri? UserAgentUrl { get; set; }

    /// <summary>How long one REST call may take before it is abandoned (<c>Discord:RestTimeout</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public override string ToString() =>
        $"Discord options (ApiBaseUrl={ApiBaseUrl}, GatewayUrl={GatewayUrl?.ToString() ?? "from /gateway/bot"}, Intents={Intents}, Token=<redacted>)";
}
