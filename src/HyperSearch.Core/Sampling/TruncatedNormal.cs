namespace HyperSearch.Core.Sampling;

/// <summary>
/// The truncated normal of Optuna 3.1's <c>samplers/_tpe/_truncnorm.py</c> (SciPy's code), formula
/// for formula so scores agree to rounding: log Φ with its asymptotic series in the far left tail,
/// the log of a Gaussian mass between two standard scores, and a log density that, like Optuna
/// 3.1's, leaves out −log σ (its kernels are not normalised).
/// </summary>
internal static class TruncatedNormal
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^-52, Python's sys.float_info.epsilon
    private static readonly double Sqrt2 = Math.Sqrt(2);
    private static readonly double LogSqrt2Pi = Math.Log(Math.Sqrt(2 * Math.PI));

    /// <summary>log P(a ≤ Z ≤ b) for a standard normal Z (Optuna's <c>_log_gauss_mass</c>).</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (b <= 0)
        {
            return LogDiff(LogNdtr(b), LogNdtr(a));
        }
        if (a > 0)
        {
            return LogDiff(LogNdtr(-a), LogNdtr(-b));
        }
        // Central: one minus both tails, without the cancellation of adding two half masses.
        return double.LogP1(-Ndtr(a) - Ndtr(-b));
    }

    /// <summary>Optuna's <c>logpdf</c> of x under N(mu, sigma) truncated to [low, high], without −log σ.</summary>
    public static double LogPdf(double x, double mu, double sigma, double logMass)
    {
        var z = (x - mu) / sigma;
        return -(z * z) / 2.0 - LogSqrt2Pi - logMass;
    }

    /// <summary>Rejection sampling: mu lies inside [low, high], so at least a third of the draws land inside.</summary>
    public static double Sample(double mu, double sigma, double low, double high, SeededRandom rng)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var x = mu + sigma * rng.NextGaussian();
            if (x >= low && x <= high)
            {
                return x;
            }
        }
        return Math.Clamp(mu, low, high);
    }

    private static double LogDiff(double logP, double logQ) => logP + double.LogP1(-Math.Exp(logQ - logP));

    /// <summary>Φ(a) by Optuna's vectorised <c>_ndtr</c>: ½ + ½ erf(a/√2).</summary>
    private static double Ndtr(double a) => 0.5 + 0.5 * Erf.Of(a / Sqrt2);

    /// <summary>Φ(a) by Optuna's <c>_ndtr_single</c> (erfc in the tails).</summary>
    private static double NdtrSingle(double a)
    {
        var x = a / Sqrt2;
        return x < -1 / Sqrt2 ? 0.5 * Erf.Complement(-x)
            : x < 1 / Sqrt2 ? 0.5 + 0.5 * Erf.Of(x)
            : 1.0 - 0.5 * Erf.Complement(x);
    }

    /// <summary>log Φ(a) by Optuna's <c>_log_ndtr_single</c>.</summary>
    private static double LogNdtr(double a)
    {
        if (a > 6)
        {
            return -NdtrSingle(-a);
        }
        if (a > -20)
        {
            return Math.Log(NdtrSingle(a));
        }
        var logLhs = -0.5 * (a * a) - Math.Log(-a) - 0.5 * Math.Log(2 * Math.PI);
        var (lastTotal, rightHandSide, numerator, denominatorFactor) = (0.0, 1.0, 1.0, 1.0);
        var denominatorConstant = 1 / (a * a);
        var sign = 1;
        for (var i = 1; Math.Abs(lastTotal - rightHandSide) > MachineEpsilon; i++)
        {
            lastTotal = rightHandSide;
            sign = -sign;
            denominatorFactor *= denominatorConstant;
            numerator *= 2 * i - 1;
            rightHandSide += sign * numerator * denominatorFactor;
        }
        return logLhs + Math.Log(rightHandSide);
    }
}
