namespace TrustGraph.Generation;

/// <summary>
/// A small seeded random source (SplitMix64) whose sequence is fixed by this code, not by the runtime, so a
/// seed gives the same dataset on every machine and every .NET version.
/// </summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A stream for one item (an authority) of a seeded run: the same seed and index always give the same stream.</summary>
    public static Rng For(int seed, int index) => new(Mix(Mix((ulong)(uint)seed) ^ (ulong)(uint)index * 0x9E3779B97F4A7C15UL));

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        return Mix(z);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Int(int min, int max) => min + (int)(Next() % (ulong)(max - min + 1));

    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => Unit() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Int(0, i);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    public List<T> Sample<T>(IEnumerable<T> items, int count) => Shuffled(items).Take(count).ToList();
}
