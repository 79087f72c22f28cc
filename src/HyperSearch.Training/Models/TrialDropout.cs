using TorchSharp;
using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// Dropout (PyTorch <c>nn.Dropout</c> semantics: zero each element with probability p while training,
/// scale the rest by 1/(1 − p); identity in eval mode) whose masks come from the trial's own generator
/// (<see cref="TrialRandom"/>), so a trial's curve does not depend on what other slots run.
/// </summary>
public sealed class TrialDropout : nn.Module<Tensor, Tensor>
{
    private readonly double _p;

    public TrialDropout(double p) : base(nameof(TrialDropout))
    {
        if (!(p >= 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "dropout must be in [0, 1)");
        }

        _p = p;
    }

    public override Tensor forward(Tensor input)
    {
        if (!training || _p == 0)
        {
            return input.alias();
        }

        var keep = 1 - _p;
        using var mask = torch.empty_like(input).bernoulli_(keep, TrialRandom.Current);
        // An explicit Scalar, alive until the call returns: an implicitly converted one can be
        // finalized by another thread's collection while libtorch reads it (see TrialOptimizer).
        using var keepScalar = keep.ToScalar();
        mask.div_(keepScalar);
        return input * mask;
    }
}
