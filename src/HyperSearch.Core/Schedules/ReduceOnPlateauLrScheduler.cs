namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>ReduceLROnPlateau</c> in mode "min": after more than <c>patience</c> steps without a
/// metric better than the best by <c>threshold</c> (rel or abs), LR ← max(LR·factor, minLr),
/// then <c>cooldown</c> steps in which bad steps are not counted. A NaN metric counts as bad.
/// </summary>
internal sealed class ReduceOnPlateauLrScheduler : ISequentialLrScheduler
{
    // ReduceLROnPlateau's default eps: a reduction smaller than this is skipped.
    private const double Eps = 1e-8;

    private readonly ParamGroup _group;
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _threshold;
    private readonly bool _relative;
    private readonly int _cooldown;
    private readonly double _minLr;
    private double _best = double.PositiveInfinity;
    private int _numBadEpochs;
    private int _cooldownCounter;

    public ReduceOnPlateauLrScheduler(
        ParamGroup group, double factor, int patience, double threshold, bool relative, int cooldown, double minLr)
    {
        _group = group;
        _factor = factor;
        _patience = patience;
        _threshold = threshold;
        _relative = relative;
        _cooldown = cooldown;
        _minLr = minLr;
    }

    public double CurrentLr => _group.Lr;

    public int LastEpoch { get; set; }

    public void Step(double? metric = null)
    {
        if (metric is not { } current)
        {
            throw new ArgumentNullException(nameof(metric), "reduceOnPlateau needs the validation metric at every step");
        }

        LastEpoch++;
        if (IsBetter(current))
        {
            _best = current;
            _numBadEpochs = 0;
        }
        else
        {
            _numBadEpochs++;
        }

        if (_cooldownCounter > 0)
        {
            _cooldownCounter--;
            _numBadEpochs = 0;
        }

        if (_numBadEpochs > _patience)
        {
            ReduceLr();
            _cooldownCounter = _cooldown;
            _numBadEpochs = 0;
        }
    }

    /// <summary>
    /// PyTorch's SequentialLR cannot drive ReduceLROnPlateau (it would call <c>step(0)</c>, passing 0
    /// as the metric). Our warmup hands over by restoring the initial LR with a fresh plateau state;
    /// the metrics seen during warmup are ignored.
    /// </summary>
    public void RestartAtZero()
    {
        _group.Lr = _group.InitialLr ?? _group.Lr;
        _best = double.PositiveInfinity;
        _numBadEpochs = 0;
        _cooldownCounter = 0;
        LastEpoch = 0;
    }

    private bool IsBetter(double current) =>
        _relative ? current < _best * (1.0 - _threshold) : current < _best - _threshold;

    private void ReduceLr()
    {
        var oldLr = _group.Lr;
        var newLr = Math.Max(oldLr * _factor, _minLr);
        if (oldLr - newLr > Eps)
        {
            _group.Lr = newLr;
        }
    }
}
