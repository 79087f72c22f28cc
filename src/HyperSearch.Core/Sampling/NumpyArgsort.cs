namespace HyperSearch.Core.Sampling;

/// <summary>
/// numpy 1.24's default <c>np.argsort</c> (introsort: median-of-3 quicksort, insertion sort below 16
/// elements, heapsort past 2·log2(n) levels). It is not stable, and Optuna 3.1 pairs each kernel with
/// its bandwidth through it: equal centres (integers, steps) get their neighbours' gaps in the order
/// it leaves them, which matters once the weights differ (more than 25 observations). A stable sort
/// would pair them differently, so this port keeps its exact order.
/// </summary>
internal static class NumpyArgsort
{
    private const int SmallQuicksort = 15;

    public static int[] Of(double[] v)
    {
        var t = Enumerable.Range(0, v.Length).ToArray();
        if (t.Length < 2)
        {
            return t;
        }
        var stack = new Stack<(int Low, int High, int Depth)>();
        int pl = 0, pr = t.Length - 1, depth = 2 * System.Numerics.BitOperations.Log2((uint)t.Length);
        while (true)
        {
            if (depth < 0)
            {
                Heapsort(v, t, pl, pr - pl + 1);
            }
            else
            {
                while (pr - pl > SmallQuicksort)
                {
                    var pm = pl + ((pr - pl) >> 1);
                    if (v[t[pm]] < v[t[pl]]) (t[pm], t[pl]) = (t[pl], t[pm]);
                    if (v[t[pr]] < v[t[pm]]) (t[pr], t[pm]) = (t[pm], t[pr]);
                    if (v[t[pm]] < v[t[pl]]) (t[pm], t[pl]) = (t[pl], t[pm]);
                    var pivot = v[t[pm]];
                    int pi = pl, pj = pr - 1;
                    (t[pm], t[pj]) = (t[pj], t[pm]);
                    while (true)
                    {
                        do pi++; while (v[t[pi]] < pivot);
                        do pj--; while (pivot < v[t[pj]]);
                        if (pi >= pj) break;
                        (t[pi], t[pj]) = (t[pj], t[pi]);
                    }
                    (t[pi], t[pr - 1]) = (t[pr - 1], t[pi]);
                    // The larger side waits on the stack.
                    depth--;
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, depth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, depth));
                        pl = pi + 1;
                    }
                }
                for (var pi = pl + 1; pi <= pr; pi++)
                {
                    var vi = t[pi];
                    var pj = pi;
                    for (; pj > pl && v[vi] < v[t[pj - 1]]; pj--)
                    {
                        t[pj] = t[pj - 1];
                    }
                    t[pj] = vi;
                }
            }
            if (stack.Count == 0)
            {
                return t;
            }
            (pl, pr, depth) = stack.Pop();
        }
    }

    /// <summary>numpy's <c>aheapsort_</c> on t[start .. start + n).</summary>
    private static void Heapsort(double[] v, int[] t, int start, int n)
    {
        // numpy indexes the heap from 1.
        ref int At(int i) => ref t[start + i - 1];
        for (var l = n >> 1; l > 0; l--)
        {
            SiftDown(v, t, start, At(l), l, n);
        }
        for (; n > 1;)
        {
            var tmp = At(n);
            At(n) = At(1);
            n--;
            SiftDown(v, t, start, tmp, 1, n);
        }
    }

    private static void SiftDown(double[] v, int[] t, int start, int tmp, int i, int n)
    {
        for (var j = i << 1; j <= n; j += j)
        {
            if (j < n && v[t[start + j - 1]] < v[t[start + j]]) j++;
            if (!(v[tmp] < v[t[start + j - 1]])) break;
            t[start + i - 1] = t[start + j - 1];
            i = j;
        }
        t[start + i - 1] = tmp;
    }
}
