namespace HyperSearch.Core.Sampling;

/// <summary>Which trials a decay branch's own parameters are split into good and bad among.</summary>
public enum TpeConditionalSplit
{
    /// <summary>
    /// Rank every finished trial, take the best γ(n) of all n, then keep those of the branch (Optuna
    /// 3.1's independent TPE): a branch that is never among the best has an empty good set (the
    /// prior alone) and its proposals move away from where it was tried.
    /// </summary>
    Global,
    /// <summary>Rank only the branch's trials and take the best γ of those: every branch always has a good set.</summary>
    Branch,
}
