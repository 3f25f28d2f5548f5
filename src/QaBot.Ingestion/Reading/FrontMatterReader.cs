using System.Globalization;
using QaBot.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QaBot.Ingestion.Reading;

/// <summary>
/// A front matter block: its metadata (null when the YAML is malformed or not a mapping) and the
/// offsets where the block starts and where the body after it starts.
/// </summary>
internal sealed record FrontMatter(ArticleMetadata? Metadata, int Start, int BodyStart)
{
    public bool IsMalformed => Metadata is null;
}

/// <summary>
/// Reads YAML front matter (<c>---</c> ... <c>---</c> or <c>...</c>) at the top of a file, after any
/// blank lines. Malformed YAML, or YAML that is not a mapping, is reported as such: the caller then
/// keeps those lines as ordinary text instead of losing the article.
/// </summary>
internal static class FrontMatterReader
{
    // Front matter longer than this is more likely a horizontal rule followed by text.
    private const int MaxFrontMatterLines = 200;

    public static FrontMatter? TryRead(string text, LineMap lines)
    {
        var line = 1;
        while (line <= lines.LineCount && LineText(text, lines, line).Trim().Length == 0)
        {
            line++;
        }

        if (line > lines.LineCount || LineText(text, lines, line).TrimEnd() != "---")
        {
            return null;
        }

        var yamlStart = line < lines.LineCount ? lines.StartOf(line + 1) : text.Length;
        for (var closing = line + 1; closing <= lines.LineCount && closing - line <= MaxFrontMatterLines; closing++)
        {
            var candidate = LineText(text, lines, closing).TrimEnd();
            if (candidate is not ("---" or "..."))
            {
                continue;
            }

            var yaml = text[yamlStart..lines.StartOf(closing)];
            var bodyStart = closing < lines.LineCount ? lines.StartOf(closing + 1) : text.Length;
            return new FrontMatter(ParseYaml(yaml), lines.StartOf(line), bodyStart);
        }

        return null;
    }

    /// <summary>The text with everything before <paramref name="end"/> blanked except line breaks, so a parser's offsets stay file offsets.</summary>
    public static string Blank(string text, int end) =>
        string.Create(text.Length, (text, end), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = 0; i < state.end; i++)
            {
                if (span[i] is not ('\r' or '\n'))
                {
                    span[i] = ' ';
                }
            }
        });

    private static string LineText(string text, LineMap lines, int line) =>
        text[lines.StartOf(line)..lines.EndOf(text, line)];

    private static ArticleMetadata? ParseYaml(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException)
        {
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return ArticleMetadata.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var values = root.Children
            .Where(pair => pair.Key is YamlScalarNode { Value: not null })
            .GroupBy(pair => ((YamlScalarNode)pair.Key).Value!.ToLowerInvariant())
            .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);

        var title = Scalar(values, "title");
        var date = ParseDate(Scalar(values, "date") ?? Scalar(values, "published") ?? Scalar(values, "pubdate"));
        var author = Scalar(values, "author") ?? List(values, "author").FirstOrDefault() ?? List(values, "authors").FirstOrDefault();
        var tags = List(values, "tags")
            .Concat(List(values, "categories"))
            .Concat(List(values, "keywords"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new ArticleMetadata(
            string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            date,
            string.IsNullOrWhiteSpace(author) ? null : author.Trim(),
            tags.Count == 0 ? null : tags);
    }

    private static string? Scalar(Dictionary<string, YamlNode> values, string key) =>
        values.TryGetValue(key, out var node) && node is YamlScalarNode { Value: { } value } && value.Length > 0 ? value : null;

    /// <summary>A sequence of scalars, or one scalar with comma-separated items.</summary>
    private static List<string> List(Dictionary<string, YamlNode> values, string key)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return [];
        }

        var items = node switch
        {
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty),
            YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(','),
            _ => [],
        };

        return items.Select(item => item.Trim()).Where(item => item.Length > 0).ToList();
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        value is not null
        && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
