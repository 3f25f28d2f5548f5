using System.ComponentModel.DataAnnotations;

namespace QaBot.Retrieval;

/// <summary>How passages are ranked and when the collection is judged not to cover a question. Section <c>Retrieval</c>.</summary>
public sealed class RetrievalOptions : IValidatableObject
{
    public const string SectionName = "Retrieval";

    /// <summary>How many hits each version of the question contributes to fusion.</summary>
    [Range(1, 1000)]
    public int CandidatesPerQuery { get; set; } = 50;

    /// <summary>Reciprocal rank fusion constant k: larger flattens the difference between ranks.</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the question as asked in the fusion.</summary>
    [Range(0.0, 10.0)]
    public double OriginalQueryWeight { get; set; } = 1.0;

    /// <summary>Weight of each dictionary translation of the question in the fusion.</summary>
    [Range(0.0, 10.0)]
    public double TranslatedQueryWeight { get; set; } = 1.0;

    /// <summary>Weight of the dense (embedding) leg in the fusion; 0 turns it off. Used only when an embedding model is configured.</summary>
    [Range(0.0, 10.0)]
    public double DenseWeight { get; set; } = 1.0;

    /// <summary>
    /// The least estimated probability (0–1) that the passages answer the question for it to be answered; below
    /// it QaBot says the collection does not cover the question and no model is called. Higher refuses more.
    /// </summary>
    [Range(0.0, 1.0)]
    public double AnswerabilityThreshold { get; set; } = 0.4;

    /// <summary>Replaced by <see cref="AnswerabilityThreshold"/>; bound only so that a configuration still setting it gets a clear error.</summary>
    public double? MinMatchedTermShare { get; set; }

    /// <summary>How many fused candidates are reranked by coverage of the question.</summary>
    [Range(1, 500)]
    public int RerankDepth { get; set; } = 30;

    /// <summary>How many top hits of the question as asked always reach the rerank, however fusion ranked them.</summary>
    [Range(0, 500)]
    public int OriginalCandidatesKept { get; set; } = 10;

    /// <summary>Translate questions with the bilingual dictionaries when the collection has other languages.</summary>
    public bool DictionaryTranslation { get; set; } = true;

    /// <summary>Keep of each translated phrase the senses the collection uses together with the question's other translated terms.</summary>
    public bool TranslationDisambiguation { get; set; } = true;

    /// <summary>
    /// Correct query terms the collection lacks to its nearest index term (edit distance 1 for 4-7 characters,
    /// 2 from 8) and search the corrected question as one more leg.
    /// </summary>
    public bool TypoCorrection { get; set; }

    /// <summary>Weight of the typo-corrected question in the fusion; below the original's, so a correction never outranks what was typed.</summary>
    [Range(0.0, 10.0)]
    public double TypoCorrectionWeight { get; set; } = 0.7;

    /// <summary>
    /// Search the question once more with the synonyms of its terms added (WordNet for English, OpenThesaurus for
    /// German), only synonyms the collection holds, as a leg weighted <see cref="SynonymWeight"/>.
    /// </summary>
    public bool Synonyms { get; set; }

    /// <summary>Weight of the synonym-expanded question in the fusion; must stay below <see cref="OriginalQueryWeight"/>, so an expansion never outranks what was asked.</summary>
    [Range(0.0, 10.0)]
    public double SynonymWeight { get; set; } = 0.5;

    /// <summary>How many synonyms of each question term are added at most (the lexicon's best first).</summary>
    [Range(0, 20)]
    public int SynonymsPerTerm { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinMatchedTermShare is not null)
        {
            yield return new ValidationResult(
                "is no longer used: the answerability gate weighs coverage together with other evidence. Remove it and set Retrieval:AnswerabilityThreshold (0-1) instead, if the default refuses too much or too little.",
                [nameof(MinMatchedTermShare)]);
        }

        if (Synonyms && SynonymWeight >= OriginalQueryWeight)
        {
            yield return new ValidationResult(
                $"is {SynonymWeight}, not below Retrieval:OriginalQueryWeight ({OriginalQueryWeight}): a synonym must never weigh as much as the question's own words. Set it lower (the default is 0.5).",
                [nameof(SynonymWeight)]);
        }
    }
}

/// <summary>The data annotations of <see cref="RetrievalOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class RetrievalOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<RetrievalOptions>
{
}
