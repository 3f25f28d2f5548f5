namespace QaBot.Embeddings;

/// <summary>The files of a local ONNX embedding model: <c>model.onnx</c> and its tokenizer.</summary>
public sealed record OnnxModelFolder(string Folder, string ModelPath, string TokenizerPath, TokenizerKind Tokenizer)
{
    public const string ModelFileName = "model.onnx";
    public const string VocabularyFileName = "vocab.txt";
    public const string SentencePieceFileName = "sentencepiece.bpe.model";

    /// <summary>Finds the files, or explains which is missing and how to get it.</summary>
    public static OnnxModelFolder Open(string folder, string? catalogName)
    {
        var full = Path.GetFullPath(folder);
        var fetch = catalogName is null ? "Point Embeddings:Path at a folder that holds them." : $"Run 'qabot model pull {catalogName}' to fetch them.";
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The embedding model folder {full} (Embeddings:Path) does not exist. {fetch}");
        }

        var model = Path.Combine(full, ModelFileName);
        if (!File.Exists(model))
        {
            throw new FileNotFoundException($"The embedding model folder {full} has no {ModelFileName}. {fetch}", model);
        }

        var vocabulary = Path.Combine(full, VocabularyFileName);
        var sentencePiece = Path.Combine(full, SentencePieceFileName);
        return File.Exists(sentencePiece) ? new OnnxModelFolder(full, model, sentencePiece, TokenizerKind.SentencePiece)
            : File.Exists(vocabulary) ? new OnnxModelFolder(full, model, vocabulary, TokenizerKind.WordPiece)
            : throw new FileNotFoundException($"The embedding model folder {full} has neither {VocabularyFileName} (BERT family) nor {SentencePieceFileName} (XLM-R family). {fetch}", vocabulary);
    }
}

/// <summary>The tokenizer families QaBot reads.</summary>
public enum TokenizerKind
{
    /// <summary>BERT family: a WordPiece <c>vocab.txt</c>, [CLS] ... [SEP].</summary>
    WordPiece,

    /// <summary>XLM-R family (multilingual-e5): a SentencePiece model, &lt;s&gt; ... &lt;/s&gt;, ids shifted by the fairseq offset.</summary>
    SentencePiece,
}
