namespace HyperSearch.Core.Sampling;

/// <summary>TPE settings; the defaults follow Optuna 3.1 except where the docs say otherwise.</summary>
public sealed record TpeOptions
{
    /// <summary>Finished trials (completed, pruned, diverged) drawn at random before TPE starts.</summary>
    public int StartupTrials { get; init; } = 10;

    /// <summary>
    /// How the start-up trials are drawn: as a Latin hypercube (default since 2026-12-03,
    /// docs/search-space.md says why) or uniformly, as Optuna and the random sampler do.
    /// </summary>
    public TpeStartup Startup { get; init; } = TpeStartup.LatinHypercube;

    /// <summary>Candidates drawn from l(x); the one with the largest l(x)/g(x) wins.</summary>
    public int Candidates { get; init; } = 24;

    /// <summary>
    /// Model a branch's parameters jointly (one product-kernel estimator) rather than one
    /// estimator per parameter (false: Optuna's default, independent TPE). Off by default: it won
    /// the tuning set but lost to independent TPE on the report set (docs/benchmarks.md).
    /// </summary>
    public bool Multivariate { get; init; }

    /// <summary>
    /// Model the decay type and the shared parameters (LR, optimizer, momentum, warmup, …) jointly
    /// from every trial, the chosen branch's own parameters each on its own (Optuna's
    /// multivariate TPE without grouping). Ignores <see cref="Multivariate"/> and <see cref="MinBranchTrials"/>.
    /// The default since 2026-12-02: docs/search-space.md says why.
    /// </summary>
    public bool JointShared { get; init; } = true;

    /// <summary>
    /// With <see cref="JointShared"/>: finished trials from which the joint model is fitted; before
    /// that, one estimator per parameter (Optuna's independent TPE), which spends ten or so
    /// observations better than a product kernel over the type and several numeric dimensions.
    /// Default 20 (twice the start-up) since 2026-12-03, chosen on exploration seeds
    /// (docs/search-space.md, "Independent first trials").
    /// </summary>
    public int JointModelFrom { get; init; } = 20;

    /// <summary>
    /// With <see cref="JointShared"/>: model the chosen branch's own parameters jointly with the
    /// shared ones from the branch's trials and draw them given the shared values already chosen
    /// (for decay parameters whose best value moves with the LR, and so that a branch trial that
    /// was bad because of its LR does not count against its decay parameters). Default since
    /// 2026-12-02 (docs/search-space.md).
    /// </summary>
    public bool ConditionBranchOnShared { get; init; } = true;

    /// <summary>
    /// With <see cref="JointShared"/>: whether the decay type comes from the joint model, from its own
    /// estimator (the shared values then drawn given it), or alternately (default since 2026-12-03:
    /// the joint choice alone ended 19–35 % of optimizer-lr searches on a wrong type or optimizer;
    /// docs/search-space.md).
    /// </summary>
    public TpeDecayTypeChoice DecayTypeChoice { get; init; } = TpeDecayTypeChoice.Alternating;

    /// <summary>
    /// Let the good density's kernels narrow with the number of trials in the space, not just the
    /// number of good ones (see <see cref="TpeSampler"/>); false is Optuna's magic clip. Off by
    /// default: with independent kernels (one dimension each) it narrows them far too early.
    /// </summary>
    public bool SpacingFloor { get; init; }

    public double PriorWeight { get; init; } = 1.0;

    /// <summary>
    /// How a decay branch's own parameters split into good and bad: <see cref="TpeConditionalSplit.Global"/>
    /// (Optuna 3.1) ranks every trial and keeps the branch's among the best γ(n) of all.
    /// </summary>
    public TpeConditionalSplit ConditionalSplit { get; init; } = TpeConditionalSplit.Global;

    /// <summary>
    /// Score continuous kernels without their −log σ term, as Optuna 3.1's truncated-normal logpdf
    /// does (its kernels are not normalised, so wide ones weigh as much at their peak as narrow ones).
    /// Default since 2026-12-03, chosen on exploration seeds (19 of 21 cells ≤ Optuna's default
    /// against 13 with normalised kernels; docs/search-space.md).
    /// </summary>
    public bool OmitKernelScale { get; init; } = true;

    /// <summary>
    /// With <see cref="OmitKernelScale"/>: once the good set holds repeats of identical completed
    /// results this many times, kernels are scored normalised (0: never). Only exact repeats count,
    /// so a search with continuous results is unaffected. Default 3 since 2026-12-03, chosen on
    /// exploration seeds of the tabular objective (docs/search-space.md, "Plateaus").
    /// </summary>
    public int PlateauRepeats { get; init; } = 3;

    public TpeBandwidth Bandwidth { get; init; } = TpeBandwidth.Neighbour;

    /// <summary>
    /// Finished trials a decay branch needs before its own parameters are modelled (until then they
    /// are drawn at random). 0: from the first model-based trial, as Optuna 3.1 (an empty good set
    /// is the prior alone).
    /// </summary>
    public int MinBranchTrials { get; init; }

    /// <summary>How many of n ranked trials form the good set: Optuna's min(⌈0.1·n⌉, 25).</summary>
    public Func<int, int> Gamma { get; init; } = n => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    public static TpeOptions Default { get; } = new();
}
