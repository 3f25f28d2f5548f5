namespace QaBot.Embeddings;

/// <summary>Turns text into the model's input ids, special tokens included.</summary>
internal interface ITokenEncoder
{
    /// <summary>The id that fills positions after the end of a shorter sequence in a batch.</summary>
    long PaddingId { get; }

    /// <summary>The ids of <paramref name="text"/>, cut so that with the special tokens there are at most <paramref name="maxTokens"/>.</summary>
    int[] Encode(string text, int maxTokens);
}
