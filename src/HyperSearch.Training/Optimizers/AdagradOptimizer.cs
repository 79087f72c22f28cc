using HyperSearch.Core.Configuration;
using HyperSearch.Training.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Optimizers;

/// <summary>PyTorch's <c>Adagrad</c>: lrDecay, initialAccumulatorValue, eps, L2 weight decay.</summary>
internal sealed class AdagradOptimizer : TrialOptimizer
{
    private readonly bool _hasWeightDecay;
    private readonly double _lrDecay, _initialAccumulator;
    private readonly Scalar _eps, _weightDecay;

    public AdagradOptimizer(IReadOnlyList<IReadOnlyList<Parameter>> groups, double lr, OptimizerSpec spec) : base(groups, lr)
    {
        _hasWeightDecay = spec.EffectiveWeightDecay != 0;
        _lrDecay = spec.LrDecay;
        _initialAccumulator = spec.InitialAccumulatorValue;
        _eps = Constant(spec.EffectiveEps);
        _weightDecay = Constant(spec.EffectiveWeightDecay);
    }

    protected override Tensor[] CreateState(Parameter parameter)
    {
        var sum = ZerosLike(parameter);
        using var initial = _initialAccumulator.ToScalar();
        sum.fill_(initial);
        return [sum];
    }

    protected override void Update(Parameter parameter, Tensor grad, Tensor[] state, long step, double lr)
    {
        if (_hasWeightDecay)
        {
            grad = grad.add(parameter, _weightDecay);
        }

        var sum = state[0];
        sum.addcmul_(grad, grad, NativeScalars.One);
        var std = sum.sqrt().add_(_eps, NativeScalars.One);
        using var negativeLr = (-(lr / (1 + (step - 1) * _lrDecay))).ToScalar();
        parameter.addcdiv_(grad, std, negativeLr);
    }
}
