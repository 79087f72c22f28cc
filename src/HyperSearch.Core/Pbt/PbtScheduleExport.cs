using HyperSearch.Core.Configuration;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// Turns a PBT member's history into something a team can put in its own training code: the LR it
/// actually trained with at each epoch, along its lineage, as an explicit <c>piecewise</c> schedule
/// whose LRs equal the discovered ones bit for bit (in HyperSearch and in PyTorch's LambdaLR).
/// </summary>
public static class PbtScheduleExport
{
    /// <summary>The segments from generation 0 to <paramref name="lastNumber"/>, oldest first.</summary>
    public static IReadOnlyList<int> LineageOf(int lastNumber, Func<int, PbtLineage> lineageOf)
    {
        var chain = new List<int>();
        for (int? number = lastNumber; number is { } n; number = lineageOf(n).ParentNumber)
        {
            if (chain.Contains(n)) throw new InvalidOperationException($"the lineage of trial {lastNumber} loops at trial {n}");
            chain.Add(n);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>The LR of every epoch 1…end of trial <paramref name="lastNumber"/>'s lineage; each segment contributes its own epochs.</summary>
    /// <param name="lrAt">The LR a trial reported for an epoch (EpochMetrics.lr), or null when it has no such epoch.</param>
    public static double[] DiscoveredLrs(int lastNumber, Func<int, PbtLineage> lineageOf, Func<int, int, double?> lrAt)
    {
        var lrs = new List<double>();
        foreach (var number in LineageOf(lastNumber, lineageOf))
        {
            var lineage = lineageOf(number);
            for (var epoch = lineage.StartEpoch + 1; epoch <= lineage.EndEpoch; epoch++)
            {
                lrs.Add(lrAt(number, epoch) ?? throw new InvalidOperationException($"trial {number} has no LR for epoch {epoch}"));
            }
        }
        return lrs.ToArray();
    }

    /// <summary>
    /// A from-scratch config whose schedule gives exactly <paramref name="lrs"/> at steps 0…n−1:
    /// <paramref name="template"/>'s optimizer, batch size and other settings, no warmup (it is part
    /// of the discovered LRs), and a piecewise decay with a milestone wherever the LR changed.
    /// </summary>
    public static TrialConfig ToPiecewise(IReadOnlyList<double> lrs, TrialConfig template)
    {
        if (lrs.Count == 0 || lrs.Any(lr => !double.IsFinite(lr) || lr < 0) || lrs[0] <= 0)
            throw new ArgumentException("needs at least one finite LR, the first > 0", nameof(lrs));
        var milestones = Enumerable.Range(1, lrs.Count - 1).Where(t => lrs[t] != lrs[t - 1]).ToList();
        if (milestones.Count == 0) milestones.Add(1); // the space format needs one milestone; the factor repeats
        var levels = new List<double> { lrs[0] };
        levels.AddRange(milestones.Select(t => lrs[Math.Min(t, lrs.Count - 1)]));

        var initialLr = lrs[0];
        var factors = ExactFactors(initialLr, levels);
        if (factors is null)
        {
            // Dividing by a power of two is exact, so every product is again exactly the LR.
            initialLr = Math.Pow(2, Math.Ceiling(Math.Log2(levels.Max())));
            factors = levels.Select(lr => lr / initialLr).ToArray();
        }
        return template with
        {
            InitialLr = initialLr,
            Decay = new PiecewiseDecay { Milestones = milestones, Factors = factors },
            Warmup = null,
            Pbt = null,
        };
    }

    // factor f with initialLr · f == lr exactly, searched a few ulps around lr / initialLr.
    private static double[]? ExactFactors(double initialLr, List<double> levels)
    {
        var factors = new double[levels.Count];
        for (var i = 0; i < levels.Count; i++)
        {
            if (ExactFactor(initialLr, levels[i]) is not { } f) return null;
            factors[i] = f;
        }
        return factors;
    }

    private static double? ExactFactor(double initialLr, double lr)
    {
        var guess = lr / initialLr;
        for (var k = 0; k <= 4; k++)
        {
            foreach (var f in new[] { Ulps(guess, k), Ulps(guess, -k) })
            {
                if (initialLr * f == lr) return f;
            }
        }
        return null;
    }

    private static double Ulps(double x, int k)
    {
        for (var i = 0; i < Math.Abs(k); i++) x = k > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
        return x;
    }
}
