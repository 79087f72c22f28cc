namespace HyperSearch.Training.Data;

/// <summary>Seeded Fisher–Yates permutations: the same seed gives the same order on every run and machine.</summary>
public static class Shuffle
{
    public static int[] Permutation(int count, int seed)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        InPlace(order, new Random(seed));
        return order;
    }

    // System.Random with an explicit seed uses a fixed algorithm, so sequences are stable across runs.
    public static void InPlace(Span<int> items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
