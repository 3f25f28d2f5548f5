using Microsoft.ML.Tokenizers;

namespace QaBot.Embeddings;

/// <summary>
/// XLM-R-family tokenisation (multilingual-e5) from a SentencePiece model: &lt;s&gt; tokens &lt;/s&gt;. The
/// model's vocabulary is fairseq's, which puts &lt;s&gt;, &lt;pad&gt;, &lt;/s&gt;, &lt;unk&gt; at 0-3 and every
/// SentencePiece id one higher than SentencePiece numbers it; SentencePiece's own unknown (0) maps to 3.
/// </summary>
internal sealed class SentencePieceTokenEncoder : ITokenEncoder
{
    public const int BeginId = 0;
    public const int PadId = 1;
    public const int EndId = 2;
    public const int UnknownId = 3;
    public const int FairseqOffset = 1;

    private readonly SentencePieceTokenizer _tokenizer;

    public SentencePieceTokenEncoder(string modelPath)
    {
        try
        {
            using var stream = File.OpenRead(modelPath);
            _tokenizer = SentencePieceTokenizer.Create(stream, false, false);
        }
        catch (Exception exception) when (exception is not (OutOfMemoryException or IOException))
        {
            throw new InvalidDataException($"{modelPath} is not a SentencePiece model ({exception.Message}).", exception);
        }
    }

    public long PaddingId => PadId;

    public int[] Encode(string text, int maxTokens)
    {
        var ids = _tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false, considerPreTokenization: true, considerNormalization: true);
        var kept = Math.Min(ids.Count, maxTokens - 2);
        var result = new int[kept + 2];
        result[0] = BeginId;
        for (var i = 0; i < kept; i++)
        {
            result[i + 1] = ids[i] == _tokenizer.UnknownId ? UnknownId : ids[i] + FairseqOffset;
        }

        result[^1] = EndId;
        return result;
    }
}
