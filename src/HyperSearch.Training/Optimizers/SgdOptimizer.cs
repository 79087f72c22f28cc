using HyperSearch.Core.Configuration;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Optimizers;

/// <summary>PyTorch's <c>SGD</c>: momentum with dampening, Nesterov, L2 weight decay.</summary>
internal sealed class SgdOptimizer : TrialOptimizer
{
    private readonly bool _hasMomentum, _hasWeightDecay, _nesterov;
    private readonly Scalar _momentum, _undamped, _weightDecay;

    public SgdOptimizer(IReadOnlyList<IReadOnlyList<Parameter>> groups, double lr, OptimizerSpec spec) : base(groups, lr)
    {
        _hasMomentum = spec.Momentum != 0;
        _hasWeightDecay = spec.EffectiveWeightDecay != 0;
        _nesterov = spec.Nesterov;
        _momentum = Constant(spec.Momentum);
        _undamped = Constant(1 - spec.Dampening);
        _weightDecay = Constant(spec.EffectiveWeightDecay);
    }

    protected override Tensor[] CreateState(Parameter parameter) => _hasMomentum ? [ZerosLike(parameter)] : [];

    protected override void Update(Parameter parameter, Tensor grad, Tensor[] state, long step, double lr)
    {
        var direction = _hasWeightDecay ? grad.add(parameter, _weightDecay) : grad;
        if (_hasMomentum)
        {
            var buffer = state[0];
            if (step == 1)
            {
                // PyTorch's buffer starts as a copy of the first gradient, undamped.
                buffer.copy_(direction);
            }
            else
            {
                buffer.mul_(_momentum).add_(direction, _undamped);
            }

            direction = _nesterov ? direction.add(buffer, _momentum) : buffer;
        }

        using var negativeLr = (-lr).ToScalar();
        parameter.add_(direction, negativeLr);
    }
}
