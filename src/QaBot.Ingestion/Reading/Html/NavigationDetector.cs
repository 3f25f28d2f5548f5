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
/// <remarks>
/// One instance per document: the walk asks about every container, and each container's text and links are
/// sums over its children, so they are computed once per element and remembered (asking each container
/// about its whole subtree again made a deeply nested page quadratic). The document must not change meanwhile.
/// </remarks>
internal sealed partial class NavigationDetector
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

    private readonly Dictionary<IElement, Subtree> _subtrees = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IElement, bool> _navigation = new(ReferenceEqualityComparer.Instance);

    /// <summary>True when <paramref name="element"/> is navigation and none of it is article text.</summary>
    public bool IsNavigation(IElement element)
    {
        if (!DensityContainers.Contains(element.LocalName))
        {
            return false;
        }

        if (!_navigation.TryGetValue(element, out var navigation))
        {
            navigation = Judge(element);
            _navigation[element] = navigation;
        }

        return navigation;
    }

    private bool Judge(IElement element)
    {
        var name = element.LocalName;
        var subtree = Of(element);
        if (subtree.Links == 0)
        {
            return false;
        }

        var (text, linkText) = subtree.Measure;
        if (subtree.Links >= MinDenseLinks && text > 0 && linkText >= text * MinLinkTextShare && !HoldsArticleText(element))
        {
            return true;
        }

        if (name is "ul" or "ol" or "dl" or "menu" or "table" && MostlyLinkItems(element))
        {
            return true;
        }

        return subtree.Links >= MinLanguageLinks && subtree.LanguageLinks >= subtree.Links * MinLanguageLinkShare;
    }

    /// <summary>
    /// A link-dense block can still hold a real paragraph (a chapter page that is mostly its table of
    /// contents): then it is not dropped whole, and its parts are judged one by one.
    /// </summary>
    private bool HoldsArticleText(IElement element)
    {
        foreach (var child in element.ChildNodes)
        {
            var nonLinkText = child switch
            {
                IText text => Visible(text.Data),
                IElement { LocalName: "a" } => 0,
                IElement childElement => Of(childElement).Measure is var (all, inLinks) ? all - inLinks : 0,
                _ => 0,
            };

            if (nonLinkText > MaxLabelChars && !(child is IElement block && IsNavigation(block)))
            {
                return true;
            }
        }

        return false;
    }

    private bool MostlyLinkItems(IElement list)
    {
        var items = Items(list)
            .Select(item => Of(item).Measure)
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

    private static bool IsLink(IElement element) => element.LocalName == "a" && element.HasAttribute("href");

    private static bool IsLanguageLink(IElement link)
    {
        var text = LinkText(link);
        return link.HasAttribute("hreflang") || LanguagePicker.IsLanguageName(text) || LanguageCode().IsMatch(text.Trim());
    }

    private static string LinkText(IElement link) =>
        link.TextContent + string.Concat(link.QuerySelectorAll("img[alt]").Select(img => img.GetAttribute("alt")));

    /// <summary>The sums of <paramref name="element"/>'s subtree, from its children's (each computed once).</summary>
    private Subtree Of(IElement element)
    {
        if (_subtrees.TryGetValue(element, out var known))
        {
            return known;
        }

        var isLink = IsLink(element);
        int plain = 0, inLinks = 0, altInLinks = 0, alt = 0, links = 0, languageLinks = 0;
        foreach (var child in element.ChildNodes)
        {
            if (child is IText text)
            {
                plain += Visible(text.Data);
            }
            else if (child is IElement childElement)
            {
                var sub = Of(childElement);
                plain += sub.PlainText;
                inLinks += sub.TextInLinks;
                altInLinks += sub.AltInLinks;
                alt += sub.Alt;
                if (childElement.LocalName == "img")
                {
                    alt += Visible(childElement.GetAttribute("alt") ?? string.Empty);
                }

                if (IsLink(childElement))
                {
                    links++;
                    languageLinks += IsLanguageLink(childElement) ? 1 : 0;
                }

                links += sub.Links;
                languageLinks += sub.LanguageLinks;
            }
        }

        // Inside a link everything below is link text; otherwise only what lies in links further down.
        var subtree = isLink
            ? new Subtree(plain, plain, alt, alt, links, languageLinks)
            : new Subtree(plain, inLinks, altInLinks, alt, links, languageLinks);
        _subtrees[element] = subtree;
        return subtree;
    }

    private static int Visible(string text) => text.Count(c => !char.IsWhiteSpace(c));

    [GeneratedRegex(@"^[a-z]{2,3}([-_][a-z]{2,4})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageCode();

    /// <summary>
    /// Visible characters below an element: all text, text whose nearest enclosing link is the element or below it,
    /// the alt text of images in such links, the alt text of all images below; links below it, and how many of them
    /// are named after a language.
    /// </summary>
    private readonly record struct Subtree(int PlainText, int TextInLinks, int AltInLinks, int Alt, int Links, int LanguageLinks)
    {
        /// <summary>Visible characters of the element's text and of the part of it inside links (image links by their alt text).</summary>
        public (int Text, int LinkText) Measure => (PlainText + AltInLinks, TextInLinks + AltInLinks);
    }
}
