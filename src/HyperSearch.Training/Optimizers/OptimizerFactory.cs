using HyperSearch.Core.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Trainer;

/// <summary>TorchSharp's optimizer for a trial's <see cref="OptimizerSpec"/>, one param group per layer.</summary>
internal static class OptimizerFactory
{
    public static OptimizerHelper Create(OptimizerSpec spec, IReadOnlyList<List<Parameter>> layers, double lr)
    {
        var wd = spec.WeightDecay;
        return spec.Type switch
        {
            OptimizerType.Sgd => optim.SGD(layers.Select(p => new SGD.ParamGroup(p, lr, spec.Momentum, 0, wd, spec.Nesterov)),
                lr, spec.Momentum, 0, wd, spec.Nesterov),
            OptimizerType.Adam => optim.Adam(layers.Select(p => new Adam.ParamGroup(p, lr, spec.Beta1, spec.Beta2, spec.Eps, wd)),
                lr, spec.Beta1, spec.Beta2, spec.Eps, wd),
            OptimizerType.AdamW => optim.AdamW(layers.Select(p => new AdamW.ParamGroup(p, lr, spec.Beta1, spec.Beta2, spec.Eps, wd)),
                lr, spec.Beta1, spec.Beta2, spec.Eps, wd),
            OptimizerType.RmsProp => optim.RMSProp(layers.Select(p => new RMSProp.ParamGroup(p, lr, spec.Alpha, spec.Eps, wd, spec.Momentum)),
                lr, spec.Alpha, spec.Eps, wd, spec.Momentum),
            OptimizerType.Adagrad => optim.Adagrad(layers.Select(p => new Adagrad.ParamGroup(p, lr, 0, wd, 0, spec.Eps)),
                lr, 0, wd, 0, spec.Eps),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "unknown optimizer"),
        };
    }
}
