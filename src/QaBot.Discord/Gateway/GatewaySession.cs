namespace QaBot.Discord.Gateway;

/// <summary>What survives a dropped connection: the session to resume and the last sequence number seen.</summary>
internal sealed class GatewaySession
{
    /// <summary>READY's <c>session_id</c>.</summary>
    public string? SessionId { get; private set; }

    /// <summary>READY's <c>resume_gateway_url</c>.</summary>
    public Uri? ResumeUrl { get; private set; }

    /// <summary>The last non-null <c>s</c>.</summary>
    public long? Sequence { get; private set; }

    /// <summary>Whether there is a session to resume.</summary>
    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>Stores READY's session.</summary>
    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>Forgets the session before a fresh Identify.</summary>
    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }

    /// <summary>Takes a dispatch's sequence; <see langword="false"/> when it was seen already (a replayed duplicate).</summary>
    public bool TryAdvance(long sequence)
    {
        if (Sequence is { } last && sequence <= last)
        {
            return false;
        }

        Sequence = sequence;
        return true;
    }
}
