using System.Text.RegularExpressions;

namespace QaBot.Core;

/// <summary>
/// Masks secrets in a line before it is logged or printed: the configured ones (API keys, the Discord token),
/// wherever they appear, and text shaped like a key (<c>Bearer …</c>, <c>sk-…</c>, a Discord bot token), so a
/// server that echoes a credential back in an error cannot make us leak it.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words; no real key is this short.
    private const int MinimumSecretLength = 6;

    private readonly string[] _secrets;

    /// <param name="secrets">The configured secret values; null or blank ones are ignored.</param>
    public SecretRedactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets
            .Select(s => s?.Trim())
            .Where(s => s is { Length: >= MinimumSecretLength })
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>Knows no configured secret; masks key shapes only.</summary>
    public static SecretRedactor ShapesOnly { get; } = new([]);

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = BearerToken().Replace(text, "${scheme}" + Mask);
        text = OpenAiKey().Replace(text, Mask);
        return DiscordToken().Replace(text, Mask);
    }

    // "Authorization: Bearer <token>" / "Bot <token>" echoed in a body or header dump.
    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Bot)\s+)(?!\*\*\*)[A-Za-z0-9._~+/=\-]{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // OpenAI-style keys: sk-…, sk-proj-…
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiKey();

    // A Discord bot token: base64 user id, '.', timestamp, '.', HMAC.
    [GeneratedRegex(@"\b[A-Za-z0-9_\-]{23,28}\.[A-Za-z0-9_\-]{6,7}\.[A-Za-z0-9_\-]{27,}", RegexOptions.CultureInvariant)]
    private static partial Regex DiscordToken();
}
