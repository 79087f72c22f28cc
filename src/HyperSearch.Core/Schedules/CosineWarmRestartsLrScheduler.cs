namespace HyperSearch.Core.Schedules;

/// <summary>
/// PyTorch <c>CosineAnnealingWarmRestarts</c>: a cosine over T_i steps, then a restart with
/// T_i ← T_i·tMult. It overrides <c>step</c> in PyTorch too, so both paths are mirrored here.
/// </summary>
internal sealed class CosineWarmRestartsLrScheduler : TorchLrScheduler
{
    private readonly int _t0;
    private readonly int _tMult;
    private readonly double _etaMin;
    private long _tI;
    private double _tCur;

    public CosineWarmRestartsLrScheduler(ParamGroup group, int t0, int tMult, double etaMin)
        : base(group)
    {
        _t0 = t0;
        _tI = t0;
        _tMult = tMult;
        _etaMin = etaMin;
        _tCur = LastEpoch;
        InitialStep();
    }

    public override void Step(double? metric = null)
    {
        if (LastEpoch < 0)
        {
            StepTo(0);
            return;
        }

        _tCur += 1;
        if (_tCur >= _tI)
        {
            _tCur -= _tI;
            _tI *= _tMult;
        }

        LastEpoch++;
        Group.Lr = GetLr();
    }

    public override void StepTo(int epoch)
    {
        if (epoch >= _t0)
        {
            if (_tMult == 1)
            {
                _tCur = epoch % _t0;
            }
            else
            {
                // math.log(x, base) is log(x) / log(base) in Python.
                var n = (int)(Math.Log((double)epoch / _t0 * (_tMult - 1) + 1) / Math.Log(_tMult));
                _tCur = epoch - _t0 * (Math.Pow(_tMult, n) - 1) / (_tMult - 1);
                _tI = _t0 * (long)Math.Pow(_tMult, n);
            }
        }
        else
        {
            _tI = _t0;
            _tCur = epoch;
        }

        LastEpoch = epoch;
        Group.Lr = GetLr();
    }

    protected override double GetLr() =>
        _etaMin + (BaseLr - _etaMin) * (1 + Math.Cos(Math.PI * _tCur / _tI)) / 2;
}
