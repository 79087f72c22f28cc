using HyperSearch.Core.Configuration;
using TorchSharp.Modules;

namespace HyperSearch.Training.Optimizers;

/// <summary>The <see cref="TrialOptimizer"/> for a trial's <see cref="OptimizerSpec"/>, one param group per layer.</summary>
internal static class OptimizerFactory
{
    public static TrialOptimizer Create(OptimizerSpec spec, IReadOnlyList<IReadOnlyList<Parameter>> layers, double lr) => spec.Type switch
    {
        OptimizerType.Sgd => new SgdOptimizer(layers, lr, spec),
        OptimizerType.Adam => new AdamOptimizer(layers, lr, spec, decoupled: false),
        OptimizerType.AdamW => new AdamOptimizer(layers, lr, spec, decoupled: true),
        OptimizerType.RmsProp => new RmsPropOptimizer(layers, lr, spec),
        OptimizerType.Adagrad => new AdagradOptimizer(layers, lr, spec),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "unknown optimizer"),
    };
}
