using QaBot.Core;

namespace QaBot.Answering.Composition;

/// <summary>
/// What an extractive answer has to cover: the question's concepts (each with its forms in every language and its
/// rarity weight) and the item it asks for. A sentence covers a concept when it holds all terms of one of its forms.
/// </summary>
public sealed class QuestionFocus
{
    private QuestionFocus(IReadOnlyList<QuestionConcept> concepts, AskedItemKind asked, IReadOnlySet<string> stated, IReadOnlyList<QuestionPart> parts)
    {
        Concepts = concepts;
        Asked = asked;
        Stated = stated;
        Parts = parts;
        TotalWeight = concepts.Sum(c => c.Weight);
    }

    /// <summary>
    /// What each part of a question that asks two things asks (see <see cref="QuestionParts"/>): its concepts and its
    /// item; empty for a question that asks one thing.
    /// </summary>
    public IReadOnlyList<QuestionPart> Parts { get; }

    public IReadOnlyList<QuestionConcept> Concepts { get; }

    public AskedItemKind Asked { get; }

    /// <summary>The items the question states itself (see <see cref="AskedItem.StatedItems"/>): no answer to it.</summary>
    public IReadOnlySet<string> Stated { get; }

    public double TotalWeight { get; }

    /// <summary>
    /// The retriever's concepts; without them (another retriever), every term searched for is a concept of its own,
    /// weighted as the retriever weighed it (1 when it did not).
    /// </summary>
    /// <param name="question">The question.</param>
    /// <param name="retrieval">What the retriever found for it.</param>
    /// <param name="language">The question's language.</param>
    /// <param name="terms">The question's content terms of a piece of it (the analyzer's query terms), which name its concepts.</param>
    public static QuestionFocus From(string question, RetrievalResult retrieval, string language, Func<string, IReadOnlyCollection<string>> terms)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieval);
        ArgumentNullException.ThrowIfNull(terms);
        var concepts = retrieval.Concepts.Count > 0
            ? retrieval.Concepts.Where(c => c.Forms.Count > 0).ToList()
            : retrieval.Queries.SelectMany(q => q.Terms).Distinct(StringComparer.Ordinal)
                .Select(t => new QuestionConcept(t, [[t]], retrieval.TermWeights.TryGetValue(t, out var w) ? w : 1.0))
                .ToList();
        var pieces = QuestionParts.Split(question, language);
        var parts = pieces.Count < 2 ? [] : pieces.Select(piece => Part(piece, concepts, terms(piece))).ToList();
        return new QuestionFocus(concepts, AskedItem.Detect(question), AskedItem.StatedItems(question), parts);
    }

    private static QuestionPart Part(string piece, List<QuestionConcept> concepts, IReadOnlyCollection<string> terms)
    {
        var own = new HashSet<int>();
        for (var i = 0; i < concepts.Count; i++)
        {
            if (terms.Contains(concepts[i].Term))
            {
                own.Add(i);
            }
        }

        // An elliptical part ("and in which year?") asks about what the whole question names.
        return new QuestionPart(own.Count > 0 ? own : [.. Enumerable.Range(0, concepts.Count)], AskedItem.Detect(piece), AskedItem.StatedItems(piece));
    }

    /// <summary>Indexes of the concepts that <paramref name="terms"/> (analyzed text) covers.</summary>
    public IReadOnlySet<int> Covered(IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var covered = new HashSet<int>();
        for (var i = 0; i < Concepts.Count; i++)
        {
            if (Concepts[i].Forms.Any(form => form.Count > 0 && form.All(terms.Contains)))
            {
                covered.Add(i);
            }
        }

        return covered;
    }

    /// <summary>Whether the sentence holds the asked-for item, not counting the items the question states itself.</summary>
    public bool HoldsAsked(string sentence) => AskedItem.Holds(Asked, sentence, Stated);

    public double Weight(IEnumerable<int> concepts) => concepts.Sum(i => Concepts[i].Weight);

    /// <summary>
    /// The rare concepts among those the passages mention: at least half as heavy as the heaviest mentioned one.
    /// Measured among mentioned concepts, so a word the collection lacks does not make every passage "unrelated".
    /// </summary>
    public IReadOnlySet<int> Rare(IEnumerable<IReadOnlySet<int>> mentionedPerPassage)
    {
        ArgumentNullException.ThrowIfNull(mentionedPerPassage);
        var mentioned = mentionedPerPassage.SelectMany(m => m).ToHashSet();
        if (mentioned.Count == 0)
        {
            return mentioned;
        }

        var heaviest = mentioned.Max(i => Concepts[i].Weight);
        return mentioned.Where(i => Concepts[i].Weight >= heaviest * 0.5).ToHashSet();
    }
}

/// <summary>One part of a question that asks two things: the concepts it names and the item it asks for.</summary>
public sealed record QuestionPart(IReadOnlySet<int> Concepts, AskedItemKind Asked, IReadOnlySet<string> Stated)
{
    /// <summary>Whether the sentence holds the item this part asks for, not counting the items the part states itself.</summary>
    public bool HoldsAsked(string sentence) => AskedItem.Holds(Asked, sentence, Stated);
}
