namespace QaBot.Embeddings;

/// <summary>An embedding service failed or answered something unusable; the message names the service and what to check.</summary>
public sealed class EmbeddingServiceException(string message, Exception? inner = null) : Exception(message, inner);
