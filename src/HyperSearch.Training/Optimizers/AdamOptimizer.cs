using HyperSearch.Core.Configuration;
using HyperSearch.Training.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Optimizers;

/// <summary>
/// PyTorch's <c>Adam</c> (weight decay added to the gradient) and <c>AdamW</c> (decoupled: the
/// parameter shrinks by lr·weightDecay before the step), both with optional AMSGrad.
/// </summary>
internal sealed class AdamOptimizer : TrialOptimizer
{
    private readonly bool _decoupled, _amsgrad;
    private readonly double _beta1, _beta2, _weightDecayValue;
    private readonly Scalar _beta1Scalar, _beta2Scalar, _oneMinusBeta1, _oneMinusBeta2, _eps, _weightDecay;

    public AdamOptimizer(IReadOnlyList<IReadOnlyList<Parameter>> groups, double lr, OptimizerSpec spec, bool decoupled) : base(groups, lr)
    {
        _decoupled = decoupled;
        _amsgrad = spec.Amsgrad;
        _beta1 = spec.Beta1;
        _beta2 = spec.Beta2;
        _weightDecayValue = spec.EffectiveWeightDecay;
        _beta1Scalar = Constant(spec.Beta1);
        _beta2Scalar = Constant(spec.Beta2);
        _oneMinusBeta1 = Constant(1 - spec.Beta1);
        _oneMinusBeta2 = Constant(1 - spec.Beta2);
        _eps = Constant(spec.EffectiveEps);
        _weightDecay = Constant(spec.EffectiveWeightDecay);
    }

    protected override Tensor[] CreateState(Parameter parameter) =>
        _amsgrad ? [ZerosLike(parameter), ZerosLike(parameter), ZerosLike(parameter)] : [ZerosLike(parameter), ZerosLike(parameter)];

    protected override void Update(Parameter parameter, Tensor grad, Tensor[] state, long step, double lr)
    {
        if (_weightDecayValue != 0)
        {
            if (_decoupled)
            {
                using var shrink = (1 - lr * _weightDecayValue).ToScalar();
                parameter.mul_(shrink);
            }
            else
            {
                grad = grad.add(parameter, _weightDecay);
            }
        }

        var (average, squareAverage) = (state[0], state[1]);
        average.mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
        squareAverage.mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);

        // The bias corrections in double, in PyTorch's order of operations.
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var secondMoment = squareAverage;
        if (_amsgrad)
        {
            state[2].copy_(torch.maximum(state[2], squareAverage));
            secondMoment = state[2];
        }

        using var correction2Sqrt = Math.Sqrt(biasCorrection2).ToScalar();
        using var negativeStepSize = (-(lr / biasCorrection1)).ToScalar();
        var denominator = secondMoment.sqrt().div_(correction2Sqrt).add_(_eps, NativeScalars.One);
        parameter.addcdiv_(average, denominator, negativeStepSize);
    }
}
