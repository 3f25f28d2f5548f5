using Microsoft.ML.Tokenizers;

namespace QaBot.Embeddings;

/// <summary>BERT-family tokenisation from a WordPiece <c>vocab.txt</c>: [CLS] tokens [SEP].</summary>
internal sealed class WordPieceTokenEncoder : ITokenEncoder
{
    private readonly BertTokenizer _tokenizer;

    public WordPieceTokenEncoder(string vocabularyPath)
    {
        try
        {
            _tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = true });
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{vocabularyPath} is not a WordPiece vocabulary ({exception.Message}).", exception);
        }
    }

    public long PaddingId => _tokenizer.PaddingTokenId;

    public int[] Encode(string text, int maxTokens)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false, considerPreTokenization: true, considerNormalization: true);
        var kept = Math.Min(ids.Count, maxTokens - 2);
        var result = new int[kept + 2];
        result[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            result[i + 1] = ids[i];
        }

        result[^1] = _tokenizer.SeparatorTokenId;
        return result;
    }
}
