namespace QaBot.Bench;

/// <summary>
/// Derives a generator seed from a run seed and a key, the same in every process (HashCode.Combine is
/// randomized per process, so it cannot be used for reproducible data).
/// </summary>
public static class DeterministicSeed
{
    public static int Of(int seed, int key)
    {
        // SplitMix64 finalizer over the pair: well spread, stable across processes and platforms.
        var x = unchecked(((ulong)(uint)seed << 32) | (uint)key);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
    }
}
