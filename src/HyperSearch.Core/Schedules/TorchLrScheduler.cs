namespace HyperSearch.Core.Schedules;

/// <summary>
/// Mirrors PyTorch 1.13's <c>_LRScheduler</c>: <c>step()</c> advances <see cref="LastEpoch"/> and
/// writes <see cref="GetLr"/> (the chainable, usually recursive form) into the shared group;
/// <see cref="StepTo"/> is <c>step(epoch)</c>, which uses the closed form where PyTorch has one —
/// SequentialLR calls it at its milestone. Subclasses set their fields and then call
/// <see cref="InitialStep"/> last, as <c>__init__</c> does, so arithmetic order matches PyTorch.
/// </summary>
internal abstract class TorchLrScheduler : ISequentialLrScheduler
{
    protected TorchLrScheduler(ParamGroup group)
    {
        Group = group;
        group.InitialLr ??= group.Lr;
        BaseLr = group.InitialLr.Value;
    }

    protected ParamGroup Group { get; }

    /// <summary><c>base_lrs[0]</c>.</summary>
    protected double BaseLr { get; set; }

    public int LastEpoch { get; set; } = -1;

    /// <summary><c>_step_count</c>; CosineAnnealingLR branches on it.</summary>
    protected int StepCount { get; private set; }

    public double CurrentLr => Group.Lr;

    /// <summary><c>_initial_step()</c>.</summary>
    public void InitialStep()
    {
        StepCount = 0;
        Step();
    }

    public virtual void Step(double? metric = null)
    {
        StepCount++;
        LastEpoch++;
        Group.Lr = GetLr();
    }

    /// <summary><c>step(epoch)</c>: the deprecated explicit-epoch path, closed form where available.</summary>
    public virtual void StepTo(int epoch)
    {
        StepCount++;
        LastEpoch = epoch;
        Group.Lr = ClosedFormLr() ?? GetLr();
    }

    public void RestartAtZero() => StepTo(0);

    protected abstract double GetLr();

    /// <summary><c>_get_closed_form_lr()</c>, or null where the PyTorch class has none.</summary>
    protected virtual double? ClosedFormLr() => null;
}
