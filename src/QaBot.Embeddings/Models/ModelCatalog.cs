namespace QaBot.Embeddings.Models;

/// <summary>One file of a catalog model: where it comes from, its size and its published SHA-256.</summary>
/// <param name="RemotePath">Path below the catalog's base address.</param>
/// <param name="LocalName">Name in the model folder.</param>
public sealed record ModelFile(string RemotePath, string LocalName, long SizeBytes, string Sha256);

/// <summary>A model <c>qabot model pull</c> knows: its files and the settings it was trained with.</summary>
public sealed record KnownModel(
    string Name,
    Uri BaseAddress,
    IReadOnlyList<ModelFile> Files,
    PoolingMode Pooling,
    int MaxTokens,
    string QueryPrefix,
    string PassagePrefix,
    string Description);

/// <summary>The models <c>qabot model pull NAME</c> can fetch.</summary>
public static class ModelCatalog
{
    /// <summary>
    /// intfloat/multilingual-e5-small (MIT), pinned to one revision. Sizes and SHA-256 digests are the Git LFS
    /// object ids of that revision, as several independent projects pin them.
    /// </summary>
    public static KnownModel MultilingualE5Small { get; } = new(
        "multilingual-e5-small",
        new Uri("https://huggingface.co/intfloat/multilingual-e5-small/resolve/614241f622f53c4eeff9890bdc4f31cfecc418b3/"),
        [
            new ModelFile("onnx/model.onnx", OnnxModelFolder.ModelFileName, 470_268_510, "ca456c06b3a9505ddfd9131408916dd79290368331e7d76bb621f1cba6bc8665"),
            new ModelFile("onnx/sentencepiece.bpe.model", OnnxModelFolder.SentencePieceFileName, 5_069_051, "cfc8146abe2a0488e9e2a0c56de7952f7c11ab059eca145a0a727afce0db2865"),
        ],
        PoolingMode.Mean,
        512,
        "query: ",
        "passage: ",
        "multilingual (about 100 languages), 384 dimensions, 118M parameters, 475 MB");

    public static IReadOnlyList<KnownModel> All { get; } = [MultilingualE5Small];

    public static string Names => string.Join(", ", All.Select(m => m.Name));

    public static KnownModel? Find(string? name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Where a pulled catalog model lives: <c>models/NAME</c> in the data folder.</summary>
    public static string FolderOf(KnownModel model, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        return System.IO.Path.Combine(System.IO.Path.GetFullPath(dataPath), "models", model.Name);
    }
}
