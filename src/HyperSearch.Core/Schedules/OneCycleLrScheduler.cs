namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>OneCycleLR</c> (two or three phases, cos or linear annealing). Like PyTorch it
/// overwrites the group's initial LR with maxLr/divFactor. PyTorch raises once stepped past
/// totalSteps; we hold the final LR (maxLr/divFactor/finalDivFactor) there instead, so a trial that
/// runs longer than planned keeps training at the floor.
/// </summary>
internal sealed class OneCycleLrScheduler : TorchLrScheduler
{
    private readonly int _totalSteps;
    private readonly bool _cosine;
    private readonly double _initialLr;
    private readonly double _maxLr;
    private readonly double _minLr;
    private readonly Phase[] _phases;

    public OneCycleLrScheduler(
        ParamGroup group, double maxLr, int totalSteps, double pctStart, bool cosine,
        double divFactor, double finalDivFactor, bool threePhase)
        : base(SetGroupInitialLr(group, maxLr / divFactor))
    {
        _totalSteps = totalSteps;
        _cosine = cosine;
        _initialLr = maxLr / divFactor;
        _maxLr = maxLr;
        _minLr = _initialLr / finalDivFactor;
        _phases = threePhase
            ?
            [
                new Phase(pctStart * totalSteps - 1, _initialLr, _maxLr),
                new Phase(2 * pctStart * totalSteps - 2, _maxLr, _initialLr),
                new Phase(totalSteps - 1, _initialLr, _minLr),
            ]
            :
            [
                new Phase(pctStart * totalSteps - 1, _initialLr, _maxLr),
                new Phase(totalSteps - 1, _maxLr, _minLr),
            ];
        InitialStep();
    }

    protected override double GetLr()
    {
        var stepNum = LastEpoch;
        if (stepNum > _totalSteps)
        {
            return _minLr;
        }

        double startStep = 0;
        for (var i = 0; i < _phases.Length; i++)
        {
            var phase = _phases[i];
            if (stepNum <= phase.EndStep || i == _phases.Length - 1)
            {
                var width = phase.EndStep - startStep;
                // PyTorch raises ZeroDivisionError on an empty phase; the validator rejects the
                // configs that reach one within totalSteps, this only guards step == totalSteps.
                var pct = width == 0 ? 1.0 : (stepNum - startStep) / width;
                return _cosine ? AnnealCos(phase.StartLr, phase.EndLr, pct) : AnnealLinear(phase.StartLr, phase.EndLr, pct);
            }

            startStep = phase.EndStep;
        }

        throw new InvalidOperationException("unreachable: the last phase always matches");
    }

    private static double AnnealCos(double start, double end, double pct)
    {
        var cosOut = Math.Cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    private static double AnnealLinear(double start, double end, double pct) => (end - start) * pct + start;

    private static ParamGroup SetGroupInitialLr(ParamGroup group, double initialLr)
    {
        group.InitialLr = initialLr;
        return group;
    }

    private readonly record struct Phase(double EndStep, double StartLr, double EndLr);
}
