using System.Buffers;
using System.Text.RegularExpressions;

namespace QaBot.Analysis.Translation;

/// <summary>
/// Finds translation pairs that a collection writes itself, for the table build to rank before the dictionaries':
/// an equivalent in brackets after a Chinese term (<c>术语（Term）</c>, <c>术语(Term)</c>) or after a German one
/// (<c>Fachbegriff (English term)</c>), and Latin-script tokens inside Chinese text (command names, paths, product
/// names), which a Chinese passage writes as they are and so must not be translated away.
/// </summary>
/// <param name="isPhrase">Whether (phrase, language) is a dictionary phrase, e.g. <see cref="BilingualDictionary.HasPhrase"/>.</param>
public sealed partial class CollectionTermMiner(Func<string, string, bool> isPhrase)
{
    /// <summary>Changes whenever the same passage and dictionaries would give other findings; part of what a stored table depends on.</summary>
    public const string Version = "miner-1";

    /// <summary>Longest Chinese term taken before a bracket, in characters: a run's tail, not a sentence.</summary>
    public int MaxChineseTermLength { get; init; } = 6;

    /// <summary>Length of the tail taken when no dictionary word ends the run (an unknown name).</summary>
    public int UnknownChineseTermLength { get; init; } = 3;

    private readonly Dictionary<string, GlossaryEntry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Mines one passage and adds what it finds.</summary>
    /// <param name="text">The passage text.</param>
    /// <param name="language">Its language (en, de, zh).</param>
    public void Add(string text, string language) => Add(Mine(text, language));

    /// <summary>
    /// What one passage yields, in order, without adding it: adding the findings of every passage in the same order
    /// gives the same entries as mining them, so the findings of an unchanged document can be kept and added again.
    /// </summary>
    public IReadOnlyList<MinedTerm> Mine(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<MinedTerm>();
        if (language == Languages.Chinese)
        {
            AddChineseEquivalents(text, found);
            foreach (Match token in LatinToken().Matches(text))
            {
                AddIdentity(token.Value.TrimEnd('.', '-'), found);
            }
        }
        else if (language == Languages.German)
        {
            AddGermanEquivalents(text, found);
        }

        return found;
    }

    /// <summary>Adds findings of <see cref="Mine"/>.</summary>
    public void Add(IEnumerable<MinedTerm> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var finding in findings)
        {
            if (finding.IsIdentity)
            {
                _entries.TryAdd(finding.Entry.English[0], finding.Entry);
            }
            else
            {
                Put(finding.Entry);
            }
        }
    }

    /// <summary>The pairs mined so far, one entry per distinct source form.</summary>
    public IReadOnlyList<GlossaryEntry> Entries() => [.. _entries.Values];

    private void AddChineseEquivalents(string text, List<MinedTerm> found)
    {
        foreach (Match match in HanThenLatin().Matches(text))
        {
            var han = match.Groups["han"].Value;
            AddPair(Tail(han), match.Groups["latin"].Value.Trim(), found);
        }

        foreach (Match match in LatinThenHan().Matches(text))
        {
            AddPair(match.Groups["han"].Value, match.Groups["latin"].Value.Trim(), found);
        }
    }

    // "Paketverwaltung (package management)": the German words before the bracket, as many as the English has
    // (one for a long compound), when the bracket holds English.
    private void AddGermanEquivalents(string text, List<MinedTerm> found)
    {
        foreach (Match match in LatinThenLatin().Matches(text))
        {
            var english = match.Groups["inner"].Value.Trim();
            if (IsAcronym(english) || !isPhrase(english, Languages.English))
            {
                continue;
            }

            var words = match.Groups["outer"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var wanted = words[^1].Length >= 10 ? 1 : Math.Min(words.Length, english.Split(' ').Length);
            var german = string.Join(' ', words[^wanted..]);
            if (!string.Equals(german, english, StringComparison.OrdinalIgnoreCase) && char.IsUpper(german[0]))
            {
                found.Add(new MinedTerm(new GlossaryEntry([english], [german], []), IsIdentity: false));
            }
        }
    }

    private void AddPair(string chinese, string latin, List<MinedTerm> found)
    {
        if (chinese.Length < 2 || latin.Length < 2 || latin.All(char.IsDigit))
        {
            return;
        }

        // A name or acronym reads the same in German; an English phrase is only English.
        IReadOnlyList<string> german = IsAcronym(latin) || !isPhrase(latin, Languages.English) ? [latin] : [];
        found.Add(new MinedTerm(new GlossaryEntry([latin], german, [chinese]), IsIdentity: false));
    }

    // Only tokens that read as names or commands: a plain English word in Chinese text ("install" in a code sample)
    // should not displace the Chinese translation.
    private void AddIdentity(string token, List<MinedTerm> found)
    {
        if (token.Length < 2 || token.All(c => char.IsDigit(c) || c == '.'))
        {
            return;
        }

        var nameLike = token.Any(c => char.IsUpper(c) || char.IsDigit(c) || c is '/' or '.' or '_' or '-');
        if (!nameLike && isPhrase(token, Languages.English))
        {
            return;
        }

        // The first one wins when added (an equivalent written in the text still goes before it, see Put).
        found.Add(new MinedTerm(new GlossaryEntry([token], [token], [token]), IsIdentity: true));
    }

    // Merged with what the key already has; an equivalent written in the text goes before an identity pair.
    private void Put(GlossaryEntry entry)
    {
        var key = entry.English[0];
        if (!_entries.TryGetValue(key, out var existing))
        {
            _entries[key] = entry;
            return;
        }

        var identity = existing.Chinese.Count == 1 && string.Equals(existing.Chinese[0], key, StringComparison.OrdinalIgnoreCase);
        var (first, second) = identity ? (entry, existing) : (existing, entry);
        _entries[key] = new GlossaryEntry(
            existing.English,
            [.. first.German.Union(second.German, StringComparer.OrdinalIgnoreCase)],
            [.. first.Chinese.Union(second.Chinese, StringComparer.Ordinal)]);
    }

    // The end of a Han run after its last function character ("我们使用显卡" -> "显卡"), cut to the longest
    // dictionary word that ends it, else to a short tail.
    private string Tail(string han)
    {
        var start = han.AsSpan().LastIndexOfAny(FunctionCharacters) + 1;
        var tail = han[start..];
        for (var length = Math.Min(tail.Length, MaxChineseTermLength); length >= 2; length--)
        {
            if (isPhrase(tail[^length..], Languages.Chinese))
            {
                return tail[^length..];
            }
        }

        return tail.Length > UnknownChineseTermLength ? tail[^UnknownChineseTermLength..] : tail;
    }

    private static bool IsAcronym(string text) => text.Length <= 6 && text.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static readonly SearchValues<char> FunctionCharacters = SearchValues.Create("的了是在用和与及或为将把被从对由以就也都而且这那其个种一");

    [GeneratedRegex(@"(?<han>\p{IsCJKUnifiedIdeographs}{2,})\s*[（(]\s*(?<latin>[A-Za-z][A-Za-z0-9 .+/_-]{0,40}?)\s*[)）]")]
    private static partial Regex HanThenLatin();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<latin>[A-Za-z][A-Za-z0-9 .+_-]{0,40}?)\s*[（(]\s*(?<han>\p{IsCJKUnifiedIdeographs}{2,12})\s*[)）]")]
    private static partial Regex LatinThenHan();

    [GeneratedRegex(@"(?<outer>\p{L}[\p{L}-]*(?: \p{L}[\p{L}-]*){0,2}) \((?<inner>[A-Za-z][A-Za-z -]{1,40})\)")]
    private static partial Regex LatinThenLatin();

    // Words of Latin letters and digits, command names and paths (dpkg, systemd, /etc/fstab, x86_64, GRUB2).
    [GeneratedRegex(@"(?<![A-Za-z0-9_./-])/?[A-Za-z][A-Za-z0-9_]*(?:[./-][A-Za-z0-9_]+)*")]
    private static partial Regex LatinToken();
}

/// <summary>One finding of <see cref="CollectionTermMiner.Mine"/>: an equivalent written in the text, or a name kept as it is (identity).</summary>
public sealed record MinedTerm(GlossaryEntry Entry, bool IsIdentity);
