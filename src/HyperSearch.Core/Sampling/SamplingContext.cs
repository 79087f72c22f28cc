namespace HyperSearch.Core.Sampling;

/// <summary>
/// What a sampler needs besides the space and history. Samplers derive their randomness from
/// (Seed, TrialNumber) only, so any worker asking for trial n of a search gets the same answer.
/// </summary>
public sealed record SamplingContext(int TrialNumber, int Seed, ObjectiveDirection Direction);
