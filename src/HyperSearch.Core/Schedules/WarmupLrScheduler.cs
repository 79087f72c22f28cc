namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch 1.13 <c>SequentialLR([LinearLR(startFactor → 1, steps), main], milestones=[steps])</c>.
/// Quirks kept on purpose: the warmup's last factor before the milestone is not 1 (LinearLR would
/// reach 1 only at step <c>steps</c>, where the main schedule takes over); at the milestone the main
/// schedule is restarted with <c>step(0)</c>, i.e. its closed form at 0 where PyTorch has one (so
/// cosine starts at etaMin + (initialLr − etaMin)·1, not at the warmed-up LR); and the warmup starts
/// from the group's initial LR, which OneCycleLR has replaced by maxLr/divFactor.
/// </summary>
internal sealed class WarmupLrScheduler : ILrScheduler
{
    private readonly LinearLrScheduler _warmup;
    private readonly ISequentialLrScheduler _main;
    private readonly int _milestone;
    private int _lastEpoch;

    public WarmupLrScheduler(ParamGroup group, LinearLrScheduler warmup, ISequentialLrScheduler main, int milestone)
    {
        _warmup = warmup;
        _main = main;
        _milestone = milestone;
        _lastEpoch = 0;
        group.Lr = group.InitialLr ?? group.Lr;
        _warmup.LastEpoch--;
        _main.LastEpoch--;
        _warmup.InitialStep();
        Group = group;
    }

    private ParamGroup Group { get; }

    public double CurrentLr => Group.Lr;

    public void Step(double? metric = null)
    {
        _lastEpoch++;
        if (_lastEpoch < _milestone)
        {
            _warmup.Step();
        }
        else if (_lastEpoch == _milestone)
        {
            _main.RestartAtZero();
        }
        else
        {
            _main.Step(metric);
        }
    }
}
