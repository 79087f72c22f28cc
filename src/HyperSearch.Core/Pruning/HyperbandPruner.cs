using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Pruning;

/// <summary>
/// Hyperband (Li et al., 2018) run asynchronously, as Optuna's HyperbandPruner does: brackets
/// b = 0…S (S = ⌊log_η(R / r)⌋, R = <see cref="MaxResource"/>) are asynchronous successive halving
/// with minimum resource r·η^b, so bracket 0 stops bad trials after r epochs and bracket S never
/// stops early. Each trial belongs to one bracket, chosen from its number alone (a golden-ratio
/// sequence over the brackets' shares n_b ∝ ⌈(S + 1)/(b + 1)⌉·η^(S − b), Hyperband's trial counts),
/// and competes only with the trials of its bracket. With the TPE sampler this is BOHB as Optuna
/// and Ray define it: TPE proposes, Hyperband allocates epochs.
/// </summary>
public sealed class HyperbandPruner : IPruner
{
    private readonly AshaPruner[] brackets;
    private readonly double[] cumulativeShare;

    public HyperbandPruner(int reductionFactor, int minResource, int maxResource)
    {
        ReductionFactor = reductionFactor >= 2 ? reductionFactor : throw new ArgumentOutOfRangeException(nameof(reductionFactor), "must be ≥ 2");
        MinResource = minResource >= 1 ? minResource : throw new ArgumentOutOfRangeException(nameof(minResource), "must be ≥ 1");
        MaxResource = maxResource >= minResource ? maxResource : throw new ArgumentOutOfRangeException(nameof(maxResource), "must be ≥ minResource");
        var s = 0;
        for (long r = (long)minResource * reductionFactor; r <= maxResource; r *= reductionFactor)
        {
            s++;
        }
        brackets = new AshaPruner[s + 1];
        var counts = new double[s + 1];
        for (var b = 0; b <= s; b++)
        {
            brackets[b] = new AshaPruner(reductionFactor, (int)(minResource * Math.Pow(reductionFactor, b)));
            counts[b] = Math.Ceiling((s + 1.0) / (b + 1)) * Math.Pow(reductionFactor, s - b);
        }
        cumulativeShare = new double[s + 1];
        var total = counts.Sum();
        for (double acc = 0, b = 0; b <= s; b++)
        {
            acc += counts[(int)b] / total;
            cumulativeShare[(int)b] = acc;
        }
    }

    public int ReductionFactor { get; }
    public int MinResource { get; }
    public int MaxResource { get; }
    public int BracketCount => brackets.Length;

    /// <summary>The bracket of trial <paramref name="number"/>: deterministic, spread evenly over the shares.</summary>
    public int BracketOf(int number)
    {
        var u = (number * 0.6180339887498949) % 1.0;
        var b = Array.FindIndex(cumulativeShare, c => u < c);
        return b < 0 ? brackets.Length - 1 : b;
    }

    /// <summary>The rungs (epochs at which a trial may stop) of a bracket.</summary>
    public IReadOnlyList<int> RungsOf(int bracket)
    {
        var rungs = new List<int>();
        for (long r = brackets[bracket].MinResource; r <= MaxResource; r *= ReductionFactor)
        {
            rungs.Add((int)r);
        }
        return rungs;
    }

    public bool ShouldPrune(int step, TrialCurve current, IReadOnlyList<TrialCurve> others, ObjectiveDirection direction)
    {
        if (step >= MaxResource)
        {
            // R is a rung of every bracket, but a trial that reached it has had its whole budget:
            // stopping it there saves nothing and would call a finished trial pruned.
            return false;
        }
        var bracket = BracketOf(current.Number);
        var peers = others.Where(o => BracketOf(o.Number) == bracket).ToList();
        return brackets[bracket].ShouldPrune(step, current, peers, direction);
    }
}
