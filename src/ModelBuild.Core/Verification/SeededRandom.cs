namespace ModelBuild.Core.Verification;

/// <summary>
/// xorshift64* seeded through SplitMix64. Our own generator, not <see cref="System.Random"/>: seeded inputs
/// feed the lock's output fingerprint, so the sequence must never change with a .NET release.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed)
    {
        // SplitMix64 spreads nearby seeds (1, 2, 3…) over the state space; xorshift must not start at 0.
        ulong z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        _state = z == 0 ? 0x9E3779B97F4A7C15UL : z;
    }

    /// <summary>A seed derived from a base seed and labels, independent of the order inputs are listed in.</summary>
    public static ulong Derive(int seed, int set, string name)
    {
        // FNV-1a over the UTF-16 code units: stable, and needs no hashing library.
        ulong hash = 0xCBF29CE484222325UL;
        void Mix(ulong value)
        {
            for (int i = 0; i < 8; i++)
            {
                hash ^= (value >> (8 * i)) & 0xFF;
                hash *= 0x100000001B3UL;
            }
        }
        Mix((ulong)(uint)seed);
        Mix((ulong)(uint)set);
        foreach (var c in name) Mix(c);
        return hash;
    }

    public ulong NextUInt64()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform in [-1, 1): 24 random bits, exact in float32.</summary>
    public float NextSignedUnit() => (NextUInt64() >> 40) * (2f / (1 << 24)) - 1f;

    /// <summary>Uniform in [0, <paramref name="bound"/>); the modulo bias is below 1e-17 for small bounds.</summary>
    public long NextBelow(long bound) => (long)(NextUInt64() % (ulong)bound);
}
