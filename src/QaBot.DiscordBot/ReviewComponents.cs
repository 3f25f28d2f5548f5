using System.Globalization;
using QaBot.Discord.Models;

namespace QaBot.DiscordBot;

/// <summary>What a review component asks for.</summary>
internal enum ReviewStep
{
    /// <summary>The select of sources was submitted (<c>rv:pick:&lt;answer-id&gt;</c>).</summary>
    Pick,

    /// <summary>"Type a path…" was clicked (<c>rv:path:&lt;answer-id&gt;</c>): open the form.</summary>
    OpenForm,

    /// <summary>The form with typed paths was submitted (<c>rv:form:&lt;answer-id&gt;</c>).</summary>
    Form,
}

/// <summary>
/// The "Mark source…" message command and what it shows: a select of the answer's files plus "Not answerable", a
/// "Type a path…" button, and the form behind it. Custom ids carry the step and the answer id; a select value is
/// <c>f&lt;n&gt;</c>, the n-th of <see cref="AnsweredQuestion.CandidateSources"/>, so long paths never hit the
/// 100-character value limit.
/// </summary>
internal static class ReviewComponents
{
    /// <summary>The message command's name (message commands may have capitals and spaces).</summary>
    public const string CommandName = "Mark source…";

    /// <summary>Message command (application command type 3).</summary>
    public const int MessageCommandType = 3;

    public const string NotAnswerableValue = "none";
    public const string PathInputId = "paths";

    /// <summary>Discord's limits: 25 options a select, 100 characters a label or description.</summary>
    private const int MaxOptions = 25;
    private const int MaxLabel = 100;
    private const int MaxPathsLength = 2000;
    private const int SecondaryStyle = 2;
    private const string Prefix = "rv:";

    /// <summary>The command as registered: on messages, in guilds only (roles exist only there).</summary>
    public static ApplicationCommand Command { get; } = new() { Name = CommandName, Type = MessageCommandType, Contexts = [0] };

    /// <summary>The select (cited files first, then the other retrieved ones, then "Not answerable") and the button.</summary>
    public static IReadOnlyList<MessageComponent> Choices(AnsweredQuestion answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var cited = answered.Answer.CitedSources.ToHashSet(StringComparer.Ordinal);
        var options = answered.CandidateSources
            .Take(MaxOptions - 1)
            .Select((path, i) => new SelectOption
            {
                Label = Shorten(path),
                Value = "f" + i.ToString(CultureInfo.InvariantCulture),
                Description = cited.Contains(path) ? "cited in the answer" : "retrieved, not cited",
            })
            .Append(new SelectOption { Label = "Not answerable", Value = NotAnswerableValue, Description = "the collection does not answer this question" })
            .ToList();
        return
        [
            MessageComponent.ActionRow(MessageComponent.StringSelect(CustomId(ReviewStep.Pick, answered.AnswerId), "Files that answer the question", options, options.Count)),
            MessageComponent.ActionRow(MessageComponent.Button(SecondaryStyle, "Type a path…", CustomId(ReviewStep.OpenForm, answered.AnswerId))),
        ];
    }

    /// <summary>The form: one corpus-relative path a line.</summary>
    public static InteractionResponse Form(string answerId) => InteractionResponse.Modal(
        CustomId(ReviewStep.Form, answerId),
        "Mark source",
        [MessageComponent.ActionRow(MessageComponent.TextInput(PathInputId, "Files that answer it, one per line", "guides/install.md", MaxPathsLength, paragraph: true))]);

    public static string CustomId(ReviewStep step, string answerId) => Prefix + step switch
    {
        ReviewStep.Pick => "pick:",
        ReviewStep.OpenForm => "path:",
        _ => "form:",
    } + answerId;

    public static bool TryParse(string? customId, out ReviewStep step, out string answerId)
    {
        step = default;
        answerId = string.Empty;
        var parts = customId?.Split(':', 3);
        if (parts is not ["rv", var kind, { Length: > 0 } id])
        {
            return false;
        }

        answerId = id;
        ReviewStep? parsed = kind switch
        {
            "pick" => ReviewStep.Pick,
            "path" => ReviewStep.OpenForm,
            "form" => ReviewStep.Form,
            _ => null,
        };
        step = parsed ?? default;
        return parsed is not null;
    }

    /// <summary>
    /// The files the select's values name; null when they mix "Not answerable" with files or name no candidate.
    /// An empty list means not answerable.
    /// </summary>
    public static IReadOnlyList<string>? Sources(AnsweredQuestion answered, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(answered);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Contains(NotAnswerableValue))
        {
            return values.Count == 1 ? [] : null;
        }

        var candidates = answered.CandidateSources;
        var sources = new List<string>();
        foreach (var value in values)
        {
            if (!value.StartsWith('f') || !int.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= candidates.Count)
            {
                return null;
            }

            sources.Add(candidates[index]);
        }

        return sources.Count == 0 ? null : [.. sources.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Typed paths as the eval format wants them: corpus-relative, '/' separators, no leading "./". Returns the
    /// first line that cannot be one (absolute, "..", empty) through <paramref name="invalid"/>.
    /// </summary>
    public static IReadOnlyList<string> ParsePaths(string? text, out string? invalid)
    {
        invalid = null;
        var paths = new List<string>();
        foreach (var line in (text ?? string.Empty).Split('\n'))
        {
            var path = line.Trim().Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0)
            {
                continue;
            }

            if (path.StartsWith('/') || (path.Length > 1 && path[1] == ':' && char.IsAsciiLetter(path[0])) || path.Split('/').Any(segment => segment is ".." or ""))
            {
                invalid = line.Trim();
                return [];
            }

            paths.Add(path);
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A label within 100 characters: a long path keeps its end, which names the file.</summary>
    private static string Shorten(string path) => path.Length <= MaxLabel ? path : string.Concat("…", path.AsSpan(path.Length - (MaxLabel - 1)));
}
