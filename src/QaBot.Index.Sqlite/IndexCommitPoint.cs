namespace QaBot.Index.Sqlite;

/// <summary>A write of the embedded index that ends in its own commit: where a crash can fall between two writes.</summary>
public enum IndexCommitPoint
{
    /// <summary>A document's chunks, terms and manifest entry were replaced (one transaction).</summary>
    DocumentReplaced,

    /// <summary>A document and its manifest entry were removed (one transaction).</summary>
    DocumentRemoved,

    /// <summary>A document's manifest entry was rewritten after its vectors were stored.</summary>
    ManifestEntryUpdated,

    /// <summary>A named blob (derived data such as the translation table or its fingerprint) was written.</summary>
    BlobWritten,
}
