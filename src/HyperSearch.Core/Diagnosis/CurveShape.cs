namespace HyperSearch.Core.Diagnosis;

/// <summary>
/// Summary numbers of a finite loss curve, split into a head (first third, at least 4 points) and a
/// tail (last third, at least 3 points); slopes are loss decrease per epoch. The head's numbers (its
/// peak, end, rises and falls) are read from the curve smoothed by a 3-point running median, so one
/// noisy epoch (a validation spike at epoch 4) is not read as a rising or oscillating start: measured
/// on real curves it made half the red badges of a held-out set wrong (docs/benchmarks.md). The tail's
/// numbers keep the raw values: its noise is what they measure.
/// </summary>
internal sealed record CurveShape
{
    public required double First { get; init; }
    public required double Min { get; init; }
    public required double HeadMax { get; init; }
    /// <summary>The head's highest raw value: what a hint quotes (the reader sees the raw curve).</summary>
    public required double HeadPeak { get; init; }
    public required double HeadEnd { get; init; }
    public required double HeadSlope { get; init; }
    public required double TailSlope { get; init; }
    public required double TailMean { get; init; }

    /// <summary>Sum of the rises within the head over the sum of its falls (0 for a monotone fall).</summary>
    public required double HeadUpDownRatio { get; init; }

    /// <summary>Path length of the tail over its net change: 1 for a straight line, large for noise.</summary>
    public required double TailWiggle { get; init; }

    /// <summary>Share of all epoch-to-epoch changes that are decreases.</summary>
    public required double DownFraction { get; init; }

    /// <summary>The curve under a 3-point running median (ends kept): what the head's numbers are read from.</summary>
    public required IReadOnlyList<double> Smoothed { get; init; }

    private static double[] Median3(IReadOnlyList<double> values)
    {
        var result = values.ToArray();
        for (var i = 1; i < values.Count - 1; i++)
        {
            var (a, b, c) = (values[i - 1], values[i], values[i + 1]);
            result[i] = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
        }

        return result;
    }

    public static CurveShape Of(IReadOnlyList<double> raw)
    {
        var losses = raw;
        var smooth = Median3(raw);
        var n = losses.Count;
        var head = Math.Min(n, Math.Max(4, n / 3));
        var tail = Math.Min(n, Math.Max(3, n / 3));
        var tailStart = n - tail;

        double ups = 0, downs = 0, tailPath = 0;
        var decreases = 0;
        for (var i = 1; i < n; i++)
        {
            var d = losses[i] - losses[i - 1];
            if (d < 0)
            {
                decreases++;
            }

            if (i < head)
            {
                var s = smooth[i] - smooth[i - 1];
                if (s > 0) ups += s; else downs -= s;
            }

            if (i > tailStart)
            {
                tailPath += Math.Abs(d);
            }
        }

        var tailNet = Math.Abs(losses[n - 1] - losses[tailStart]);
        return new CurveShape
        {
            First = losses[0],
            Min = losses.Min(),
            HeadMax = smooth.Take(head).Max(),
            HeadPeak = losses.Take(head).Max(),
            HeadEnd = smooth[head - 1],
            HeadSlope = (smooth[0] - smooth[head - 1]) / (head - 1),
            Smoothed = smooth,
            TailSlope = (losses[tailStart] - losses[n - 1]) / (tail - 1),
            TailMean = losses.Skip(tailStart).Average(),
            HeadUpDownRatio = downs == 0 ? (ups > 0 ? double.PositiveInfinity : 0) : ups / downs,
            TailWiggle = tailPath == 0 ? 1 : tailPath / Math.Max(tailNet, tailPath * 1e-3),
            DownFraction = (double)decreases / (n - 1),
        };
    }
}
