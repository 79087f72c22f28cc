using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace HyperSearch.Training.Optimizers;

/// <summary>
/// A trial's optimizer: one param group per layer (each with its own LR), updated exactly as PyTorch
/// 1.13's per-tensor implementation (<c>foreach=False</c>, its CPU default) updates them; the golden
/// traces of scripts/golden/generate_optimizer_golden.py prove it.
/// <para>
/// Why not TorchSharp's optimizers: they pass implicitly converted <see cref="Scalar"/>s to native
/// calls. Such a Scalar is unreachable as soon as its handle is read, so a garbage collection started
/// by another trial's thread can finalize it, freeing the native value while libtorch still reads it
/// ("Expected false to be true … toFloat", one trial in hundreds when two share a worker). Here every
/// Scalar handed to libtorch is a field of the optimizer or a <c>using</c> local of the caller, so it
/// is alive and undisposed until the call has returned.
/// </para>
/// </summary>
internal abstract class TrialOptimizer : IDisposable
{
    private readonly Parameter[][] _groups;
    private readonly double[] _lrs;
    private readonly long[] _steps;
    private readonly Tensor[][] _state;
    private readonly List<Scalar> _constants = [];

    protected TrialOptimizer(IReadOnlyList<IReadOnlyList<Parameter>> groups, double lr)
    {
        _groups = groups.Select(g => g.ToArray()).ToArray();
        _lrs = Enumerable.Repeat(lr, _groups.Length).ToArray();
        var count = _groups.Sum(g => g.Length);
        _steps = new long[count];
        _state = new Tensor[count][];
    }

    public int GroupCount => _groups.Length;

    public void SetLr(int group, double lr) => _lrs[group] = lr;

    /// <summary>
    /// <c>optimizer.zero_grad(set_to_none=True)</c>: the next backward writes fresh gradients instead of
    /// adding to zeroed ones (the same values, without a pass over the old ones).
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var group in _groups)
        {
            foreach (var parameter in group)
            {
                parameter.grad = null;
            }
        }
    }

    /// <summary>One update of every parameter that has a gradient, as <c>optimizer.step()</c>.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var index = 0;
        for (var g = 0; g < _groups.Length; g++)
        {
            foreach (var parameter in _groups[g])
            {
                var grad = parameter.grad;
                if (grad is not null)
                {
                    // PyTorch counts steps per parameter: one without a gradient is skipped entirely.
                    Update(parameter, grad, State(index, parameter), ++_steps[index], _lrs[g]);
                }

                index++;
            }
        }
    }

    /// <summary>Steps and state tensors, parameter by parameter; <see cref="Load"/> reads them back.</summary>
    public void Save(BinaryWriter writer)
    {
        var index = 0;
        foreach (var parameter in _groups.SelectMany(g => g))
        {
            writer.Write(_steps[index]);
            foreach (var tensor in State(index, parameter))
            {
                tensor.Save(writer);
            }

            index++;
        }
    }

    public void Load(BinaryReader reader)
    {
        var index = 0;
        foreach (var parameter in _groups.SelectMany(g => g))
        {
            _steps[index] = reader.ReadInt64();
            foreach (var tensor in State(index, parameter))
            {
                tensor.Load(reader);
            }

            index++;
        }
    }

    public void Dispose()
    {
        foreach (var tensor in _state.Where(s => s is not null).SelectMany(s => s))
        {
            tensor.Dispose();
        }

        foreach (var constant in _constants)
        {
            constant.Dispose();
        }
    }

    /// <summary>A hyperparameter as a native Scalar that lives (and stays reachable) as long as the optimizer.</summary>
    protected Scalar Constant(double value)
    {
        var scalar = value.ToScalar();
        _constants.Add(scalar);
        return scalar;
    }

    /// <summary>The per-parameter state tensors PyTorch keeps (momentum buffers, moment estimates…), created once.</summary>
    protected abstract Tensor[] CreateState(Parameter parameter);

    /// <summary>
    /// PyTorch's update of one parameter. Runs under no_grad in a dispose scope: temporaries need no
    /// disposing, state tensors are updated in place. <paramref name="step"/> counts from 1.
    /// </summary>
    protected abstract void Update(Parameter parameter, Tensor grad, Tensor[] state, long step, double lr);

    protected static Tensor ZerosLike(Parameter parameter)
    {
        using var noGrad = torch.no_grad();
        return torch.zeros_like(parameter).DetachFromDisposeScope();
    }

    private Tensor[] State(int index, Parameter parameter) => _state[index] ??= CreateState(parameter);
}
