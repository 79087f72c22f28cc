namespace HyperSearch.Core.Diagnosis;

/// <summary>
/// Summary numbers of a finite loss curve, split into a head (first third, at least 4 points) and a
/// tail (last third, at least 3 points); slopes are loss decrease per epoch.
/// </summary>
internal sealed record CurveShape
{
    public required double First { get; init; }
    public required double Min { get; init; }
    public required double HeadMax { get; init; }
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

    public static CurveShape Of(IReadOnlyList<double> losses)
    {
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
                if (d > 0) ups += d; else downs -= d;
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
            HeadMax = losses.Take(head).Max(),
            HeadEnd = losses[head - 1],
            HeadSlope = (losses[0] - losses[head - 1]) / (head - 1),
            TailSlope = (losses[tailStart] - losses[n - 1]) / (tail - 1),
            TailMean = losses.Skip(tailStart).Average(),
            HeadUpDownRatio = downs == 0 ? (ups > 0 ? double.PositiveInfinity : 0) : ups / downs,
            TailWiggle = tailPath == 0 ? 1 : tailPath / Math.Max(tailNet, tailPath * 1e-3),
            DownFraction = (double)decreases / (n - 1),
        };
    }
}
