using QaBot.Core;

namespace QaBot.Answering.Composition;

/// <summary>
/// What an extractive answer has to cover: the question's concepts (each with its forms in every language and its
/// rarity weight) and the item it asks for. A sentence covers a concept when it holds all terms of one of its forms.
/// </summary>
public sealed class QuestionFocus
{
    private QuestionFocus(IReadOnlyList<QuestionConcept> concepts, AskedItemKind asked, IReadOnlySet<string> stated)
    {
        Concepts = concepts;
        Asked = asked;
        Stated = stated;
        TotalWeight = concepts.Sum(c => c.Weight);
    }

    public IReadOnlyList<QuestionConcept> Concepts { get; }

    public AskedItemKind Asked { get; }

    /// <summary>The items the question states itself (see <see cref="AskedItem.StatedItems"/>): no answer to it.</summary>
    public IReadOnlySet<string> Stated { get; }

    public double TotalWeight { get; }

    /// <summary>
    /// The retriever's concepts; without them (another retriever), every term searched for is a concept of its own,
    /// weighted as the retriever weighed it (1 when it did not).
    /// </summary>
    public static QuestionFocus From(string question, RetrievalResult retrieval)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieval);
        var concepts = retrieval.Concepts.Count > 0
            ? retrieval.Concepts.Where(c => c.Forms.Count > 0).ToList()
            : retrieval.Queries.SelectMany(q => q.Terms).Distinct(StringComparer.Ordinal)
                .Select(t => new QuestionConcept(t, [[t]], retrieval.TermWeights.TryGetValue(t, out var w) ? w : 1.0))
                .ToList();
        return new QuestionFocus(concepts, AskedItem.Detect(question), AskedItem.StatedItems(question));
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
