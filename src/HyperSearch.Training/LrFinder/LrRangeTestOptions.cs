using HyperSearch.Core.Configuration;

namespace HyperSearch.Training.LrFinder;

/// <summary>Settings of an LR range test; the defaults are fastai's (1e-7 … 10 over 100–200 batches).</summary>
public sealed record LrRangeTestOptions
{
    public double MinLr { get; init; } = 1e-7;
    public double MaxLr { get; init; } = 10;
    public int Steps { get; init; } = 200;

    /// <summary>EMA factor of the loss (the smoothed loss is bias-corrected like Adam's moments).</summary>
    public double Smoothing { get; init; } = 0.98;

    /// <summary>Stop once the smoothed loss exceeds this multiple of the best one.</summary>
    public double DivergenceFactor { get; init; } = 4;

    public OptimizerSpec Optimizer { get; init; } = new();
    public int? BatchSize { get; init; }
    public string Device { get; init; } = "cpu";
    public int Seed { get; init; }
    public int Threads { get; init; } = 1;
}
