namespace QaBot.Embeddings;

/// <summary>How the local ONNX model is run: everything that changes its vectors or its speed.</summary>
/// <param name="Name">A stable name of the model for the index's model id (the catalog name or the folder name).</param>
/// <param name="MaxTokens">Tokens per passage, special tokens included.</param>
/// <param name="BatchSize">Sequences per model call.</param>
/// <param name="Threads">Intra-op threads of the ONNX runtime; 0 lets it choose.</param>
public sealed record OnnxEmbeddingSettings(string Name, OnnxModelFolder Files, PoolingMode Pooling, bool Normalize, int MaxTokens, int BatchSize, int Threads);
