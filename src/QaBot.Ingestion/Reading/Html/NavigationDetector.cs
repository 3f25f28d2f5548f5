using System.Text.RegularExpressions;
using AngleSharp.Dom;
using QaBot.Ingestion.Cleaning;

namespace QaBot.Ingestion.Reading.Html;

/// <summary>
/// Recognises navigation by its structure, not by words or class names: a block whose text is mostly
/// link text (a table of contents, a "previous / up / next" bar), a list or table whose items are mostly
/// links, and a list of links named after languages (a language picker). Image links count with their
/// alt text, so an icon bar of "previous" and "next" arrows is links too.
/// </summary>
internal static partial class NavigationDetector
{
    // A block with at least this many links, whose link text is at least this share of its text, is navigation.
    private const int MinDenseLinks = 3;
    private const double MinLinkTextShare = 0.6;

    // A list or table with at least this many non-empty items, more than this share of them links, is navigation.
    private const int MinLinkItems = 2;
    private const double MinLinkItemShare = 0.5;

    // An item is a link when its link text is at least this share of its text.
    private const double MinItemLinkShare = 0.5;

    // Text outside links up to this length is a label ("Contents"), not article text.
    private const int MaxLabelChars = 40;

    private const int MinLanguageLinks = 3;
    private const double MinLanguageLinkShare = 0.66;

    private static readonly HashSet<string> DensityContainers = new(
        ["div", "section", "p", "ul", "ol", "dl", "menu", "table", "tbody", "td", "th", "blockquote", "span"],
        StringComparer.Ordinal);

    /// <summary>True when <paramref name="element"/> is navigation and none of it is article text.</summary>
    public static bool IsNavigation(IElement element)
    {
        var name = element.LocalName;
        if (!DensityContainers.Contains(name))
        {
            return false;
        }

        var links = Links(element);
        if (links.Count == 0)
        {
            return false;
        }

        var (text, linkText) = Measure(element);
        if (links.Count >= MinDenseLinks && text > 0 && linkText >= text * MinLinkTextShare && !HoldsArticleText(element))
        {
            return true;
        }

        if (name is "ul" or "ol" or "dl" or "menu" or "table" && MostlyLinkItems(element))
        {
            return true;
        }

        return IsLanguagePicker(links);
    }

    /// <summary>
    /// A link-dense block can still hold a real paragraph (a chapter page that is mostly its table of
    /// contents): then it is not dropped whole, and its parts are judged one by one.
    /// </summary>
    private static bool HoldsArticleText(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            var nonLinkText = child switch
            {
                IText text => Visible(text.Data),
                IElement { LocalName: "a" } => 0,
                IElement childElement => Measure(childElement) is var (all, inLinks) ? all - inLinks : 0,
                _ => 0,
            };

            if (nonLinkText > MaxLabelChars && !(child is IElement block && IsNavigation(block)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MostlyLinkItems(IElement list)
    {
        var items = Items(list)
            .Select(Measure)
            .Where(m => m.Text > 0)
            .ToList();
        var linkItems = items.Count(m => m.LinkText >= m.Text * MinItemLinkShare);
        return linkItems >= MinLinkItems && linkItems > items.Count * MinLinkItemShare;
    }

    /// <summary>The items of a list (li, dt, dd) or the cells of a table's own rows.</summary>
    private static IEnumerable<IElement> Items(IElement list) => list.LocalName switch
    {
        "table" => list.QuerySelectorAll("td, th").Where(cell => cell.Closest("table") == list),
        _ => list.Children.Where(child => child.LocalName is "li" or "dt" or "dd"),
    };

    private static bool IsLanguagePicker(List<IElement> links)
    {
        if (links.Count < MinLanguageLinks)
        {
            return false;
        }

        var named = links.Count(link =>
            link.HasAttribute("hreflang")
            || LanguagePicker.IsLanguageName(LinkText(link))
            || LanguageCode().IsMatch(LinkText(link).Trim()));
        return named >= links.Count * MinLanguageLinkShare;
    }

    private static List<IElement> Links(IElement element) =>
        element.QuerySelectorAll("a[href]").ToList();

    private static string LinkText(IElement link) =>
        link.TextContent + string.Concat(link.QuerySelectorAll("img[alt]").Select(img => img.GetAttribute("alt")));

    /// <summary>Visible characters of the element's text and of the part of it inside links (image links by their alt text).</summary>
    private static (int Text, int LinkText) Measure(IElement element)
    {
        int text = 0, linkText = 0;
        foreach (var node in element.Descendants())
        {
            var count = node switch
            {
                IText textNode => Visible(textNode.Data),
                IElement { LocalName: "img" } img when InLink(img, element) => Visible(img.GetAttribute("alt") ?? string.Empty),
                _ => 0,
            };

            if (count == 0)
            {
                continue;
            }

            text += count;
            if (node.ParentElement is { } parent && InLink(parent, element))
            {
                linkText += count;
            }
            else if (node is IElement)
            {
                linkText += count;
            }
        }

        return (text, linkText);
    }

    /// <summary>True when <paramref name="node"/> is inside a link that is inside <paramref name="container"/>.</summary>
    private static bool InLink(IElement node, IElement container) =>
        node.Closest("a[href]") is { } link && (link == container || link.IsDescendantOf(container));

    private static int Visible(string text) => text.Count(c => !char.IsWhiteSpace(c));

    [GeneratedRegex(@"^[a-z]{2,3}([-_][a-z]{2,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();
}
