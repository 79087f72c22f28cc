namespace HyperSearch.Core.Sampling;

/// <summary>How the joint TPE (<see cref="TpeOptions.JointShared"/>) picks a trial's decay type.</summary>
public enum TpeDecayTypeChoice
{
    /// <summary>
    /// With the shared values, from the joint estimator. Locks in: with a few dimensions beside the
    /// type, g's narrow kernels rarely cover a candidate, so l/g follows l and the good trials' type
    /// wins every trial (docs/search-space.md).
    /// </summary>
    Joint,

    /// <summary>
    /// From its own estimator, l(type)/g(type) as Optuna's independent TPE, the shared values then
    /// drawn given it: a type that keeps losing piles up in g and gives way.
    /// </summary>
    Marginal,

    /// <summary>Marginal on odd trial numbers, joint on even ones (the default since 2026-12-03).</summary>
    Alternating,
}
