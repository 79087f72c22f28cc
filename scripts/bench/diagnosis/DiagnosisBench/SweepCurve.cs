namespace DiagnosisBench;

/// <summary>One trained trial: where it sits in the sweep, and its per-epoch validation losses (NaN kept).</summary>
public sealed record SweepCurve(string Workload, string Decay, int Seed, double Lr, double[] ValLoss, string State)
{
    /// <summary>The LRs of one group differ only in the LR: same workload, decay and seed.</summary>
    public string Group => $"{Workload}/{Decay}/{Seed}";

    /// <summary>A search of the dashboard: one workload and seed, every decay and LR.</summary>
    public string Search => $"{Workload}/{Seed}";

    public string Key => $"{Group}/{Lr:R}";

    /// <summary>The curve's best validation loss; +∞ when it diverged before any finite epoch.</summary>
    public double Best => ValLoss.Where(double.IsFinite).DefaultIfEmpty(double.PositiveInfinity).Min();

    public bool Diverged => State == "Diverged" || ValLoss.Any(v => !double.IsFinite(v));
}
