using HyperSearch.Core.Configuration;
using HyperSearch.Training.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Optimizers;

/// <summary>PyTorch's <c>RMSprop</c>: smoothing alpha, eps, momentum, centered, L2 weight decay.</summary>
internal sealed class RmsPropOptimizer : TrialOptimizer
{
    private readonly bool _hasMomentum, _hasWeightDecay, _centered;
    private readonly Scalar _alpha, _oneMinusAlpha, _eps, _momentum, _weightDecay, _minusOne;

    public RmsPropOptimizer(IReadOnlyList<IReadOnlyList<Parameter>> groups, double lr, OptimizerSpec spec) : base(groups, lr)
    {
        _hasMomentum = spec.Momentum > 0;
        _hasWeightDecay = spec.EffectiveWeightDecay != 0;
        _centered = spec.Centered;
        _alpha = Constant(spec.Alpha);
        _oneMinusAlpha = Constant(1 - spec.Alpha);
        _eps = Constant(spec.EffectiveEps);
        _momentum = Constant(spec.Momentum);
        _weightDecay = Constant(spec.EffectiveWeightDecay);
        _minusOne = Constant(-1);
    }

    // [square average, momentum buffer?, gradient average?]
    protected override Tensor[] CreateState(Parameter parameter) =>
    [
        ZerosLike(parameter),
        .. _hasMomentum ? [ZerosLike(parameter)] : Array.Empty<Tensor>(),
        .. _centered ? [ZerosLike(parameter)] : Array.Empty<Tensor>(),
    ];

    protected override void Update(Parameter parameter, Tensor grad, Tensor[] state, long step, double lr)
    {
        if (_hasWeightDecay)
        {
            grad = grad.add(parameter, _weightDecay);
        }

        var squareAverage = state[0];
        squareAverage.mul_(_alpha).addcmul_(grad, grad, _oneMinusAlpha);
        Tensor average;
        if (_centered)
        {
            var gradAverage = state[^1];
            gradAverage.mul_(_alpha).add_(grad, _oneMinusAlpha);
            average = squareAverage.addcmul(gradAverage, gradAverage, _minusOne).sqrt_();
        }
        else
        {
            average = squareAverage.sqrt();
        }

        average.add_(_eps, NativeScalars.One);
        using var negativeLr = (-lr).ToScalar();
        if (_hasMomentum)
        {
            var buffer = state[1];
            buffer.mul_(_momentum).addcdiv_(grad, average, NativeScalars.One);
            parameter.add_(buffer, negativeLr);
        }
        else
        {
            parameter.addcdiv_(grad, average, negativeLr);
        }
    }
}
