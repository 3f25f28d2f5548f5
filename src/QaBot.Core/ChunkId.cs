using System.Security.Cryptography;
using System.Text;

namespace QaBot.Core;

/// <summary>Deterministic, name-based UUIDs (RFC 9562 version 5 layout) for chunks.</summary>
public static class ChunkId
{
    private static readonly Guid Namespace = new("6f1c1d2e-8a55-4b0e-9f4c-3a1e5c7d9b20");

    public static Guid For(string sourcePath, int index)
    {
        ArgumentNullException.ThrowIfNull(sourcePath);
        var name = Encoding.UTF8.GetBytes($"{sourcePath}#{index}");
        Span<byte> input = stackalloc byte[16 + name.Length];
        Namespace.TryWriteBytes(input[..16], bigEndian: true, out _);
        name.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what name-based UUIDs are defined with; it is not used for security here.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
