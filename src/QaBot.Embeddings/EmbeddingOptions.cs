namespace QaBot.Embeddings;

/// <summary>Which embedding model makes the dense vectors, and how. Section <c>Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary><c>none</c> (lexical retrieval only), <c>onnx</c>, <c>ollama</c>, <c>openai</c> or <c>azure-openai</c>.</summary>
    public string Provider { get; set; } = "none";

    /// <summary>
    /// The model: a catalog name for <c>onnx</c> (for example <c>multilingual-e5-small</c>, fetched with
    /// <c>qabot model pull</c>), the model name for <c>ollama</c> and <c>openai</c>, the deployment name for <c>azure-openai</c>.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>For <c>onnx</c>: the model folder (<c>model.onnx</c> plus <c>vocab.txt</c> or <c>sentencepiece.bpe.model</c>). Defaults to the pulled catalog model in the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>The server for <c>ollama</c> (default http://localhost:11434), <c>openai</c> (default https://api.openai.com/v1) and <c>azure-openai</c> (required).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The key for <c>openai</c> and <c>azure-openai</c>; set it through QABOT__Embeddings__ApiKey, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector length the remote model makes (required for ollama, openai and azure-openai; the ONNX model says its own).</summary>
    public int? Dimensions { get; set; }

    /// <summary>How token vectors become one passage vector (<c>Mean</c> or <c>Cls</c>); a catalog model brings its own default.</summary>
    public PoolingMode? Pooling { get; set; }

    /// <summary>Scale every vector to unit length, so a dot product is the cosine similarity.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Tokens per passage, special tokens included; longer passages are truncated. Default: the catalog model's, else 512.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>Prepended to every query (the e5 family expects <c>"query: "</c>); a catalog model brings its own default.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Prepended to every passage (the e5 family expects <c>"passage: "</c>); a catalog model brings its own default.</summary>
    public string? PassagePrefix { get; set; }

    /// <summary>Passages per model call.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Threads the ONNX runtime uses inside one call; 0 lets it choose (all cores).</summary>
    public int Threads { get; set; }

    /// <summary>Where <c>qabot model pull</c> downloads from instead of the catalog's own addresses (a mirror, or a test server).</summary>
    public Uri? DownloadBaseUrl { get; set; }
}

/// <summary>How token vectors become one passage vector.</summary>
public enum PoolingMode
{
    /// <summary>The average of the token vectors under the attention mask (sentence-transformers, e5).</summary>
    Mean,

    /// <summary>The vector of the first ([CLS] or &lt;s&gt;) token.</summary>
    Cls,
}

/// <summary>The embedding providers, as <c>Embeddings:Provider</c> names them.</summary>
public enum EmbeddingProvider
{
    None,
    Onnx,
    Ollama,
    OpenAI,
    AzureOpenAI,
}
