using QaBot.Analysis;
using QaBot.Analysis.Translation;
using QaBot.Answering.Composition;
using QaBot.Core;

namespace QaBot.Answering;

/// <summary>
/// Answers without a language model, by quoting the top passages. It leads with the sentence that best covers
/// the question's concepts (weighted by rarity, in any of the question's languages) and holds the item the question
/// asks for (a number, date, name, command), then adds at most two sentences, each only if it covers a part of the
/// question the answer does not cover yet. Passages that mention none of the question's rare concepts are not
/// quoted. Quotes are exact source text, in document order, adjacent sentences merged into one quote and an
/// ellipsis between the others; a quote in another language than the question gets a word gloss.
/// </summary>
public sealed class ExtractiveAnswerComposer(TextAnalyzer analyzer, ITranslationTableProvider tables, SentenceModel model) : IAnswerComposer
{
    private const int PassagesConsidered = 5;
    private const int MaxSupportingSentences = 2;

    // A supporting sentence must cover at least this share of the question's weight that nothing chosen covers.
    private const double MinGainShare = 0.15;

    // ... and be at least this relevant compared with the lead, by the hand-set score (see SentenceCandidate.Relevance).
    private const double MinSupportScoreShare = 0.35;

    // A sentence answers a part of a two-part question when it covers at least this share of the part's weight.
    private const double MinPartShare = 0.5;

    // Candidates reported in the answer's diagnostics (eval writes them for the sentence model's fit).
    private const int ReportedCandidates = 30;

    private const int MaxListItems = 3;
    private const int ShortSentenceTokens = 24;

    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal)
    {
        "it", "this", "these", "that", "those", "they", "he", "she", "its", "their", "es", "dies", "diese", "dieser", "dieses", "er", "sie", "damit", "dabei",
    };

    private readonly WordGlosser _glosser = new(analyzer);

    /// <summary>Scored by the fitted <see cref="SentenceModel.Default"/>.</summary>
    public ExtractiveAnswerComposer(TextAnalyzer analyzer, ITranslationTableProvider tables)
        : this(analyzer, tables, SentenceModel.Default)
    {
    }

    /// <summary>Without a translation table: quotes in another language get no gloss.</summary>
    public ExtractiveAnswerComposer(TextAnalyzer analyzer)
        : this(analyzer, new StoredTranslationTableProvider(null))
    {
    }

    public string Name => "extractive";

    public async Task<ComposedAnswer> ComposeAsync(string question, RetrievalResult retrieval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieval);
        var language = TextAnalyzer.DetectLanguage(question);
        var focus = QuestionFocus.From(question, retrieval, language, piece => analyzer.AnalyzeQuery(piece, language));
        var passages = retrieval.Passages.Take(PassagesConsidered).Select(p => Read(p, focus)).ToList();
        var rare = focus.Rare(passages.Select(p => p.Covered));
        var scoring = new Scoring(focus, rare, passages.Count > 0 ? passages[0].Passage.Score : 0);
        var candidates = passages
            .Where(p => p.Covered.Overlaps(rare))
            .SelectMany(p => WithPairs(p, [.. Enumerable.Range(0, p.Sentences.Count).Select(i => Candidate(p, i, scoring))], scoring))
            .Where(c => c.Covered.Count > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Passage.Passage.Rank)
            .ThenBy(c => c.Index)
            .ToList();
        if (candidates.Count == 0)
        {
            return new ComposedAnswer(RefusalMessages.NotCovered(language), [], Refused: true);
        }

        var chosen = Choose(candidates, focus, rare);
        var answer = await RenderAsync(chosen, candidates[0], focus, language, cancellationToken);
        return answer with { Diagnostics = answer.Diagnostics with { SentenceCandidates = Report(candidates) } };
    }

    private static IReadOnlyList<ScoredSentence> Report(List<SentenceCandidate> candidates) =>
        [.. candidates.Take(ReportedCandidates).Select(c =>
        {
            var indexes = LeadSentences(c).Distinct().Order().ToList();
            var text = c.Passage.Passage.Chunk.Text;
            var quote = QuoteText.Clean(text[c.Passage.Spans[indexes[0]].Start..c.Passage.Spans[indexes[^1]].End]);
            return new ScoredSentence(CitationFormatter.Location(c.Passage.Passage.Chunk), quote, c.Score, c.Features);
        })];

    /// <summary>
    /// The lead with its continuation; when neither holds the asked-for item but the sentence next to them does, that
    /// sentence; then the supporting sentences that add evidence for an uncovered part.
    /// </summary>
    private List<(PassageSentences Passage, int Index)> Choose(List<SentenceCandidate> candidates, QuestionFocus focus, IReadOnlySet<int> rare)
    {
        var lead = candidates[0];
        List<(PassageSentences Passage, int Index)> chosen = [.. LeadSentences(lead).Distinct().Select(i => (lead.Passage, i))];
        if (!lead.Pair && lead.Passage.TableHeader(lead.Index) is { } header)
        {
            // Rows of the lead's table that match the question just as well: the reader chooses between them.
            chosen.AddRange(candidates
                .Where(c => !c.Pair && ReferenceEquals(c.Passage, lead.Passage) && c.Index != lead.Index && c.Score >= lead.Score - 1e-9 && lead.Passage.TableHeader(c.Index) == header)
                .Take(MaxListItems - 1)
                .Select(c => (lead.Passage, c.Index)));
        }

        var covered = new HashSet<int>(chosen.SelectMany(c => c.Passage.SentenceCovered[c.Index]));
        var itemHeld = chosen.Any(c => Holds(focus, c.Passage.Sentences[c.Index]));
        var supporting = 0;
        if (!itemHeld && focus.Asked != AskedItemKind.Open && AdjacentHoldingItem(lead.Passage, chosen.Select(c => c.Index), focus) is { } adjacent)
        {
            // The lead names the topic, the sentence beside it gives the asked-for number, date, name or command.
            chosen.AddRange(WithContinuation(lead.Passage, adjacent).Where(i => !chosen.Contains((lead.Passage, i))).Select(i => (lead.Passage, i)));
            itemHeld = true;
            supporting++;
        }

        var quoted = chosen.Select(c => Normalised(c.Passage.Sentences[c.Index])).ToHashSet(StringComparer.Ordinal);

        // A question that asks two things: a part the chosen sentences leave unanswered gets the best sentence that answers it.
        foreach (var part in focus.Parts)
        {
            if (supporting == MaxSupportingSentences || Answers(part, focus, covered, chosen))
            {
                continue;
            }

            var answer = candidates.Skip(1).FirstOrDefault(c =>
                !c.Pair
                && (ReferenceEquals(c.Passage, lead.Passage) || c.Covered.Overlaps(rare))
                && !quoted.Contains(Normalised(c.Passage.Sentences[c.Index]))
                && Answers(part, focus, c.Covered, [(c.Passage, c.Index)]));
            if (answer is not null)
            {
                // With what it needs to be read: the asked item may be in the lines it opens.
                chosen.AddRange(WithContinuation(answer.Passage, answer.Index).Where(i => !chosen.Contains((answer.Passage, i))).Select(i => (answer.Passage, i)));
                quoted.Add(Normalised(answer.Passage.Sentences[answer.Index]));
                covered.UnionWith(answer.Covered);
                itemHeld |= answer.HoldsItem;
                supporting++;
            }
        }

        foreach (var candidate in candidates.Skip(1))
        {
            if (supporting == MaxSupportingSentences)
            {
                break;
            }

            if (candidate.Relevance < lead.Relevance * MinSupportScoreShare)
            {
                continue;
            }

            // A pair that does not lead is not quoted whole: its sentences compete on their own.
            if (candidate.Pair || !quoted.Add(Normalised(candidate.Passage.Sentences[candidate.Index])))
            {
                continue;
            }

            // From another passage, only a sentence that itself names a rare concept is evidence, not shared common words.
            if (!ReferenceEquals(candidate.Passage, lead.Passage) && !candidate.Covered.Overlaps(rare))
            {
                continue;
            }

            var gain = focus.Weight(candidate.Covered.Where(c => !covered.Contains(c)));
            var addsItem = !itemHeld && focus.Asked != AskedItemKind.Open && candidate.HoldsItem;
            if (gain < MinGainShare * focus.TotalWeight && !addsItem)
            {
                continue;
            }

            chosen.Add((candidate.Passage, candidate.Index));
            covered.UnionWith(candidate.Covered);
            itemHeld |= candidate.HoldsItem;
            supporting++;
        }

        return chosen;
    }

    // The sentences cover at least MinPartShare of the part's concepts (when it names any) and hold the item it asks for.
    private static bool Answers(QuestionPart part, QuestionFocus focus, IReadOnlySet<int> covered, IEnumerable<(PassageSentences Passage, int Index)> sentences)
    {
        var weight = focus.Weight(part.Concepts);
        if (weight > 0 && focus.Weight(part.Concepts.Where(covered.Contains)) < MinPartShare * weight)
        {
            return false;
        }

        return part.Asked == AskedItemKind.Open
            || sentences.Any(s => WithContinuation(s.Passage, s.Index).Any(i => part.HoldsAsked(TextAnalyzer.WithoutReferenceMarks(s.Passage.Sentences[i]))));
    }

    private static IEnumerable<int> LeadSentences(SentenceCandidate lead) =>
        lead.Pair ? WithContinuation(lead.Passage, lead.Index).Concat(WithContinuation(lead.Passage, lead.Index + 1)) : WithContinuation(lead.Passage, lead.Index);

    /// <summary>
    /// The passage's sentence candidates, then each two adjacent sentences as one candidate, when the second covers a part of the question the
    /// first does not ("aptitude can be configured to install them automatically. dpkg and apt-get ignore them."):
    /// an answer split over two sentences can then lead over one sentence that merely names many of the terms.
    /// </summary>
    private IEnumerable<SentenceCandidate> WithPairs(PassageSentences passage, IReadOnlyList<SentenceCandidate> singles, Scoring scoring)
    {
        var focus = scoring.Focus;
        foreach (var single in singles)
        {
            yield return single;
        }

        if (focus.TotalWeight <= 0)
        {
            yield break;
        }

        for (var i = 0; i + 1 < singles.Count; i++)
        {
            var first = passage.SentenceCovered[i];
            var second = passage.SentenceCovered[i + 1];
            if (first.Count == 0 || second.Count == 0)
            {
                continue;
            }

            var union = first.Union(second).ToHashSet();
            var gainFirst = focus.Weight(union.Except(first));
            var gainSecond = focus.Weight(union.Except(second));
            if (Math.Min(gainFirst, gainSecond) < MinGainShare * focus.TotalWeight)
            {
                continue;
            }

            // Each sentence's own candidate already knows whether it (with its continuation) holds the item.
            var holdsItem = singles[i].HoldsItem || singles[i + 1].HoldsItem;
            var features = Features(passage, i, union, holdsItem, pair: true, scoring);
            yield return new SentenceCandidate(passage, i, union, holdsItem, model.Score(features), features) { Pair = true, Relevance = SentenceModel.HandSet.Score(features) };
        }
    }

    /// <summary>The sentence right after the chosen ones, else the one right before them, if it holds the asked-for item.</summary>
    private static int? AdjacentHoldingItem(PassageSentences passage, IEnumerable<int> chosen, QuestionFocus focus)
    {
        var indexes = chosen.ToList();
        foreach (var neighbour in new[] { indexes.Max() + 1, indexes.Min() - 1 })
        {
            if (neighbour >= 0 && neighbour < passage.Sentences.Count && WithContinuation(passage, neighbour).Any(i => Holds(focus, passage.Sentences[i])))
            {
                return neighbour;
            }
        }

        return null;
    }

    // The source's own reference marks ("[36]") are digits but no answer to "how many".
    private static bool Holds(QuestionFocus focus, string sentence) => focus.HoldsAsked(TextAnalyzer.WithoutReferenceMarks(sentence));

    private async Task<ComposedAnswer> RenderAsync(List<(PassageSentences Passage, int Index)> chosen, SentenceCandidate lead, QuestionFocus focus, string language, CancellationToken cancellationToken)
    {
        // The lead's file first; within a file, document order.
        var fileOrder = chosen.Select(c => c.Passage.Passage.Chunk.SourcePath).Distinct(StringComparer.Ordinal).ToList();
        var ordered = chosen
            .OrderBy(c => fileOrder.IndexOf(c.Passage.Passage.Chunk.SourcePath))
            .ThenBy(c => c.Passage.Passage.Chunk.Page)
            .ThenBy(c => c.Passage.Passage.Chunk.StartLine)
            .ThenBy(c => c.Passage.Passage.Chunk.StartColumn)
            .ThenBy(c => c.Passage.Passage.Chunk.Index)
            .ThenBy(c => c.Index)
            .ToList();
        var pieces = new List<(PassageSentences Passage, int First, int Last)>();
        foreach (var (passage, index) in ordered)
        {
            if (pieces.Count > 0 && ReferenceEquals(pieces[^1].Passage, passage) && pieces[^1].Last + 1 == index)
            {
                pieces[^1] = (passage, pieces[^1].First, index);
            }
            else
            {
                pieces.Add((passage, index, index));
            }
        }

        var (open, close) = AnswerTexts.QuotationMarks(language);
        var cited = new List<RetrievedPassage>();
        var parts = new List<string>();
        var glossInputs = new List<(int Number, string Quote, PassageSentences Passage, IReadOnlySet<string> Focus)>();
        foreach (var (passage, first, last) in pieces)
        {
            // Two chunks can cite the same span (a long line whose reader kept no columns): they share one number.
            var location = CitationFormatter.Location(passage.Passage.Chunk);
            var number = cited.FindIndex(c => CitationFormatter.Location(c.Chunk) == location) + 1;
            if (number == 0)
            {
                cited.Add(passage.Passage);
                number = cited.Count;
            }

            var text = passage.Passage.Chunk.Text;
            var quote = QuoteText.Clean(text[passage.Spans[first].Start..passage.Spans[last].End]);
            parts.Add($"{open}{quote}{close} [{number}]");
            if (passage.Passage.Chunk.Language != language)
            {
                var focusTerms = Enumerable.Range(first, last - first + 1)
                    .SelectMany(i => passage.SentenceCovered[i])
                    .SelectMany(c => focus.Concepts[c].Forms.SelectMany(f => f))
                    .ToHashSet(StringComparer.Ordinal);
                glossInputs.Add((number, quote, passage, focusTerms));
            }
        }

        var glosses = await GlossAsync(glossInputs, language, cancellationToken);
        return new ComposedAnswer(string.Join(AnswerTexts.Ellipsis, parts), cited)
        {
            Glosses = glosses,
            Diagnostics = AnswerDiagnostics.None with { QuotedSentences = chosen.Count },
        };
    }

    private async Task<IReadOnlyList<WordGloss>> GlossAsync(List<(int Number, string Quote, PassageSentences Passage, IReadOnlySet<string> Focus)> inputs, string language, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0 || await tables.GetAsync(cancellationToken) is not { } table)
        {
            return [];
        }

        var glosses = new List<WordGloss>();
        foreach (var group in inputs.GroupBy(i => i.Number))
        {
            var pairs = group
                .Select(i => _glosser.Gloss(table, i.Number, i.Quote, i.Passage.Passage.Chunk.Language, language, i.Focus))
                .OfType<WordGloss>()
                .SelectMany(g => g.Pairs)
                .DistinctBy(p => p.Term, StringComparer.OrdinalIgnoreCase)
                .Take(WordGlosser.MaxPairs)
                .ToList();
            if (pairs.Count > 0)
            {
                glosses.Add(new WordGloss(group.Key, pairs));
            }
        }

        return glosses;
    }

    private PassageSentences Read(RetrievedPassage passage, QuestionFocus focus)
    {
        var text = passage.Chunk.Text;
        var spans = SentenceSplitter.SplitSpans(text);
        var sentences = spans.Select(s => text[s.Start..s.End]).ToList();
        var covered = sentences.Select(s => focus.Covered(analyzer.Analyze(s, passage.Chunk.Language).ToHashSet(StringComparer.Ordinal))).ToList();
        var passageCovered = focus.Covered(analyzer.Analyze(text, passage.Chunk.Language).ToHashSet(StringComparer.Ordinal));
        var read = new PassageSentences(passage, spans, sentences, covered, passageCovered);

        // A table row means what its header says ("Desktop | 1 GB | 2 GB" under "Type | RAM | Disk"): it covers
        // what its header covers.
        for (var i = 0; i < covered.Count; i++)
        {
            if (read.TableHeader(i) is { } header)
            {
                covered[i] = covered[i].Union(covered[header]).ToHashSet();
            }
        }

        return read;
    }

    /// <summary>How well a sentence answers: the sentence model's score of its <see cref="SentenceFeature"/>s.</summary>
    private SentenceCandidate Candidate(PassageSentences passage, int index, Scoring scoring)
    {
        var covered = passage.SentenceCovered[index];
        // A sentence that opens a block ("Run this command:") holds what the block shows.
        var holdsItem = WithContinuation(passage, index).Any(i => Holds(scoring.Focus, passage.Sentences[i]));
        if (covered.Count == 0 || scoring.Focus.TotalWeight <= 0)
        {
            return new SentenceCandidate(passage, index, covered, holdsItem, 0, new Dictionary<string, double>());
        }

        var features = Features(passage, index, covered, holdsItem, pair: false, scoring);
        return new SentenceCandidate(passage, index, covered, holdsItem, model.Score(features), features) { Relevance = SentenceModel.HandSet.Score(features) };
    }

    private static Dictionary<string, double> Features(PassageSentences passage, int index, IReadOnlySet<int> covered, bool holdsItem, bool pair, Scoring scoring)
    {
        var focus = scoring.Focus;
        var last = pair ? index + 1 : index;
        var tokens = TokenEstimator.Count(passage.Sentences[index]) + (pair ? TokenEstimator.Count(passage.Sentences[last]) : 0);
        var trimmed = passage.Sentences[last].TrimEnd();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [SentenceFeature.Share] = Math.Log(Math.Max(focus.Weight(covered) / focus.TotalWeight, 1e-6)),
            [SentenceFeature.PassageShare] = Math.Log(0.7 + (0.3 * focus.Weight(passage.Covered) / focus.TotalWeight)),
            [SentenceFeature.PassageRank] = -Math.Log(1 + (0.1 * (passage.Passage.Rank - 1))),
            [SentenceFeature.MissingItem] = holdsItem ? 0 : 1,
            [SentenceFeature.AsksItself] = trimmed.EndsWith('?') || trimmed.EndsWith('？') ? 1 : 0,
            [SentenceFeature.Pair] = pair ? 1 : 0,
            [SentenceFeature.RareShare] = scoring.RareWeight > 0 ? focus.Weight(covered.Where(scoring.Rare.Contains)) / scoring.RareWeight : 0,
            [SentenceFeature.PassageScoreGap] = scoring.TopScore != 0 ? Math.Max(0, (scoring.TopScore - passage.Passage.Score) / Math.Abs(scoring.TopScore)) : 0,
            [SentenceFeature.Length] = Math.Log(1 + tokens),
            [SentenceFeature.BlockLine] = passage.IsBlockLine(index) ? 1 : 0,
            [SentenceFeature.Position] = passage.Sentences.Count > 1 ? (double)index / (passage.Sentences.Count - 1) : 0,
        };
    }

    /// <summary>
    /// A sentence with what it needs to be understood, in document order: the term a definition list describes
    /// with it (a short line of its own just before its paragraph: "noshell" above "Prevents the installer from
    /// …"), the items of a list it opens (it ends with ':' or ';') or the code, table or list lines under a line
    /// ending with ':', the description under it when it is itself such a term, or, when it is short, a next
    /// sentence that points back to it ("The conference was held. It was the fourth.").
    /// </summary>
    private static IEnumerable<int> WithContinuation(PassageSentences passage, int index)
    {
        var paragraphStart = index;
        while (paragraphStart > 0 && !passage.StartsLine(paragraphStart))
        {
            paragraphStart--;
        }

        if (paragraphStart > 0 && passage.IsTermLine(paragraphStart - 1))
        {
            yield return paragraphStart - 1;
        }

        if (passage.TableHeader(index) is { } header)
        {
            yield return header;
        }

        yield return index;
        var sentences = passage.Sentences;
        if (passage.IsTermLine(index) && index + 1 < sentences.Count)
        {
            yield return index + 1;
            yield break;
        }

        var opensBlock = EndsWithColon(sentences[index]);
        for (var next = index + 1; next < sentences.Count && next - index <= MaxListItems; next++)
        {
            var current = sentences[next - 1].TrimEnd();
            var opensList = current.EndsWith('；') || current.EndsWith(';') || EndsWithColon(current);
            var inBlock = opensBlock && passage.IsBlockLine(next);
            var isContinuedBy = next == index + 1 && TokenEstimator.Count(sentences[index]) < ShortSentenceTokens && StartsWithReference(sentences[next]);
            if (!opensList && !inBlock && !isContinuedBy)
            {
                yield break;
            }

            yield return next;
            if (isContinuedBy && !opensList)
            {
                yield break;
            }
        }
    }

    private static bool EndsWithColon(string sentence)
    {
        var trimmed = sentence.TrimEnd();
        return trimmed.EndsWith('：') || trimmed.EndsWith(':');
    }

    /// <summary>The sentence opens by pointing back ("This", "It", "这", "Diese"): it completes the one before.</summary>
    private static bool StartsWithReference(string sentence)
    {
        var trimmed = sentence.TrimStart();
        if (trimmed.Length > 0 && "此这该其它他她".Contains(trimmed[0], StringComparison.Ordinal))
        {
            return true;
        }

        var firstWord = trimmed.Split(' ', 2)[0].TrimEnd(',', ';', ':').ToLowerInvariant();
        return ReferenceWords.Contains(firstWord);
    }

    private string Normalised(string sentence) => string.Join(' ', analyzer.Fold(sentence).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A passage split into sentences, with the concepts each sentence and the whole passage cover.</summary>
    private sealed record PassageSentences(
        RetrievedPassage Passage,
        IReadOnlyList<SentenceSpan> Spans,
        IReadOnlyList<string> Sentences,
        IReadOnlyList<IReadOnlySet<int>> SentenceCovered,
        IReadOnlySet<int> Covered)
    {
        private const int MaxTermWords = 3;
        private const int MaxTermLength = 40;

        /// <summary>The sentence begins a line of the passage (a paragraph, a list item, a code or table line).</summary>
        public bool StartsLine(int index)
        {
            var text = Passage.Chunk.Text;
            var i = Spans[index].Start - 1;
            while (i >= 0 && text[i] is ' ' or '\t')
            {
                i--;
            }

            return i < 0 || text[i] == '\n';
        }

        /// <summary>The sentence is a whole line of the passage.</summary>
        public bool IsWholeLine(int index) => StartsLine(index) && (index + 1 == Spans.Count || StartsLine(index + 1));

        /// <summary>A line that is no prose sentence: a command, a code or table line, a list item without a full stop.</summary>
        public bool IsBlockLine(int index)
        {
            if (!IsWholeLine(index))
            {
                return false;
            }

            var line = Sentences[index].Trim();
            return line.StartsWith("$ ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal)
                || line.Contains(" | ", StringComparison.Ordinal) || !EndsLikeProse(line);
        }

        /// <summary>
        /// For a row of a table (a whole line with cells separated by " | "), the first line of its table: the
        /// header row; <see langword="null"/> for any other sentence and for the header itself.
        /// </summary>
        public int? TableHeader(int index)
        {
            if (!IsTableLine(index))
            {
                return null;
            }

            var first = index;
            while (first > 0 && IsTableLine(first - 1))
            {
                first--;
            }

            return first == index ? null : first;
        }

        private bool IsTableLine(int index) => IsWholeLine(index) && Sentences[index].Contains(" | ", StringComparison.Ordinal);

        /// <summary>A short line of its own without sentence punctuation, followed by a line: a term its next line describes.</summary>
        public bool IsTermLine(int index)
        {
            if (index + 1 >= Spans.Count || !IsWholeLine(index))
            {
                return false;
            }

            var line = Sentences[index].Trim();
            return line.Length <= MaxTermLength
                && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxTermWords
                && !EndsLikeProse(line) && !EndsWithColon(line) && !line.EndsWith(',') && !line.EndsWith('，')
                && !line.Contains(" | ", StringComparison.Ordinal);
        }

        private static bool EndsLikeProse(string line) => line.Length > 0 && ".。!！?？;；".Contains(line[^1], StringComparison.Ordinal);
    }

    /// <summary>What every candidate of one question is scored against.</summary>
    private sealed record Scoring(QuestionFocus Focus, IReadOnlySet<int> Rare, double TopScore)
    {
        /// <summary>The rare concepts' weight, the same for every candidate of the question.</summary>
        public double RareWeight { get; } = Focus.Weight(Rare);
    }

    private sealed record SentenceCandidate(PassageSentences Passage, int Index, IReadOnlySet<int> Covered, bool HoldsItem, double Score, IReadOnlyDictionary<string, double> Features)
    {
        /// <summary>The candidate is the sentence at <see cref="Index"/> together with the one after it.</summary>
        public bool Pair { get; init; }

        /// <summary>
        /// The hand-set score (<see cref="SentenceModel.HandSet"/>), whose ratios mean shares of the question covered: what a
        /// supporting sentence is measured against. The fitted <see cref="Score"/> was fitted to choose the lead, and its
        /// ratios stretch with its weights.
        /// </summary>
        public double Relevance { get; init; }
    }
}
