using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;
using QaBot.Core.Configuration;

namespace QaBot.Embeddings;

/// <summary>Which embedding model makes the dense vectors, and how. Section <c>Embeddings</c>.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary><c>none</c> (lexical retrieval only), <c>onnx</c>, <c>ollama</c>, <c>openai</c> or <c>azure-openai</c>.</summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.None;

    /// <summary>
    /// The model: a catalog name for <c>onnx</c> (for example <c>multilingual-e5-small</c>, fetched with
    /// <c>qabot model pull</c>), the model name for <c>ollama</c> and <c>openai</c>, the deployment name for <c>azure-openai</c>.
    /// </summary>
    public string? Model { get; set; }

    /// <summary>For <c>onnx</c>: the model folder (<c>model.onnx</c> plus <c>vocab.txt</c> or <c>sentencepiece.bpe.model</c>). Defaults to the pulled catalog model in the data folder.</summary>
    public string? Path { get; set; }

    /// <summary>The server for <c>ollama</c> (default http://localhost:11434), <c>openai</c> (default https://api.openai.com/v1) and <c>azure-openai</c> (required).</summary>
    [HttpUrl]
    public Uri? Endpoint { get; set; }

    /// <summary>The key for <c>openai</c> and <c>azure-openai</c>; set it through QABOT__Embeddings__ApiKey, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vector length the remote model makes (required for ollama, openai and azure-openai; the ONNX model says its own).</summary>
    [Range(1, 16384)]
    public int? Dimensions { get; set; }

    /// <summary>How token vectors become one passage vector (<c>Mean</c> or <c>Cls</c>); a catalog model brings its own default.</summary>
    public PoolingMode? Pooling { get; set; }

    /// <summary>Scale every vector to unit length, so a dot product is the cosine similarity.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Tokens per passage, special tokens included; longer passages are truncated. Default: the catalog model's, else 512.</summary>
    [Range(3, 8192)]
    public int? MaxTokens { get; set; }

    /// <summary>Prepended to every query (the e5 family expects <c>"query: "</c>); a catalog model brings its own default.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Prepended to every passage (the e5 family expects <c>"passage: "</c>); a catalog model brings its own default.</summary>
    public string? PassagePrefix { get; set; }

    /// <summary>Passages per model call.</summary>
    [Range(1, 1024)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Threads the ONNX runtime uses inside one call; 0 lets it choose (all cores).</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>Where <c>qabot model pull</c> downloads from instead of the catalog's own addresses (a mirror, or a test server).</summary>
    [HttpUrl]
    public Uri? DownloadBaseUrl { get; set; }
}

/// <summary>How token vectors become one passage vector.</summary>
[TypeConverter(typeof(ConfigurationEnumConverter<PoolingMode>))]
public enum PoolingMode
{
    /// <summary>The average of the token vectors under the attention mask (sentence-transformers, e5).</summary>
    Mean,

    /// <summary>The vector of the first ([CLS] or &lt;s&gt;) token.</summary>
    Cls,
}

/// <summary>The embedding providers, as <c>Embeddings:Provider</c> names them (<c>azure-openai</c>).</summary>
[TypeConverter(typeof(ConfigurationEnumConverter<EmbeddingProvider>))]
public enum EmbeddingProvider
{
    /// <summary>No model: lexical retrieval only.</summary>
    None,

    /// <summary>A local ONNX model.</summary>
    Onnx,

    /// <summary>An Ollama server.</summary>
    Ollama,

    /// <summary>OpenAI, or an OpenAI-compatible server.</summary>
    [EnumMember(Value = "openai")]
    OpenAI,

    /// <summary>Azure OpenAI.</summary>
    [EnumMember(Value = "azure-openai")]
    AzureOpenAI,
}

/// <summary>The data annotations of <see cref="EmbeddingOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class EmbeddingOptionsAnnotations : Microsoft.Extensions.Options.IValidateOptions<EmbeddingOptions>
{
}
