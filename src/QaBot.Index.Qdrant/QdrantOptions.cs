using System.ComponentModel.DataAnnotations;

namespace QaBot.Index.Qdrant;

/// <summary>Where the Qdrant server is and how to talk to it. Section <c>Qdrant</c>.</summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Qdrant";

    /// <summary>The gRPC endpoint (port 6334, not the REST port 6333); https for TLS.</summary>
    [Required]
    public Uri? Url { get; set; } = new("http://localhost:6334");

    /// <summary>The server's <c>service.api_key</c>; sent as <c>api-key</c> metadata on every call; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The collection holding chunks, manifest, blobs and metadata.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9_-]{1,255}$", ErrorMessage = "Use 1 to 255 letters, digits, '_' or '-'.")]
    public string Collection { get; set; } = "qabot";

    /// <summary>How long one gRPC call may take (its deadline) before it is abandoned (and retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per call, the first included, for transient failures (Unavailable, DeadlineExceeded, ResourceExhausted, Aborted, a broken connection).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubles with each retry up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Upper bound of one upsert message; the server's default limit is 32 MiB.</summary>
    [Range(64 * 1024, 32 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest answer the channel accepts; gRPC's stock 4 MiB is too small for a page of document statistics or blob parts.</summary>
    [Range(4 * 1024 * 1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Points per upsert request at most.</summary>
    [Range(1, 10_000)]
    public int MaxPointsPerRequest { get; set; } = 256;

    /// <summary>Shards of a new collection (a cluster spreads them over its nodes).</summary>
    [Range(1, 1024)]
    public int ShardNumber { get; set; } = 1;

    /// <summary>Copies of each shard in a new collection.</summary>
    [Range(1, 16)]
    public int ReplicationFactor { get; set; } = 1;

    /// <summary>How long a process trusts its cached vocabulary and counts before reading them again (writes by other machines).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Optional SHA-256 fingerprint (hex) of the server certificate, to trust a self-signed certificate over TLS
    /// instead of the system's certificate authorities.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){32}$", ErrorMessage = "Give the certificate's SHA-256 fingerprint as 64 hex digits (colons allowed).")]
    public string? CertificateSha256 { get; set; }
}

/// <summary>The data annotations of <see cref="QdrantOptions"/>, checked by generated code.</summary>
[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class QdrantOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<QdrantOptions>
{
}
