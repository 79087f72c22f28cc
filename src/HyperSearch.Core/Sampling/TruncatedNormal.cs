namespace HyperSearch.Core.Sampling;

/// <summary>
/// The pieces of a truncated normal that TPE needs: log of a Gaussian mass between two standard
/// scores (tail-safe, in log space), log density and a sampler. The erfc approximation (Numerical
/// Recipes' erfcc, relative error &lt; 1.2e-7 everywhere) is ample for ranking candidates.
/// </summary>
internal static class TruncatedNormal
{
    private static readonly double Sqrt2 = Math.Sqrt(2);
    private static readonly double LogSqrt2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>log P(a ≤ Z ≤ b) for a standard normal Z, a &lt; b.</summary>
    public static double LogGaussMass(double a, double b)
    {
        if (a >= 0)
        {
            // Both in the upper tail: Q(a) − Q(b) with Q(z) = ½·erfc(z/√2).
            var la = LogErfc(a / Sqrt2);
            var lb = LogErfc(b / Sqrt2);
            return Math.Log(0.5) + la + Log1mExp(lb - la);
        }
        if (b <= 0)
        {
            return LogGaussMass(-b, -a);
        }
        var mass = 1 - 0.5 * Math.Exp(LogErfc(-a / Sqrt2)) - 0.5 * Math.Exp(LogErfc(b / Sqrt2));
        return Math.Log(Math.Max(mass, double.Epsilon));
    }

    public static double LogPdf(double x, double mu, double sigma, double low, double high)
    {
        var z = (x - mu) / sigma;
        return -0.5 * z * z - LogSqrt2Pi - Math.Log(sigma) - LogGaussMass((low - mu) / sigma, (high - mu) / sigma);
    }

    /// <summary>Rejection sampling: with mu inside [low, high] at least a third of the draws land inside.</summary>
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

    /// <summary>log erfc(x) for x ≥ 0 without underflow; erfc(x) = 2 − erfc(−x) below 0.</summary>
    private static double LogErfc(double x)
    {
        if (x < 0)
        {
            return Math.Log(2 - Math.Exp(LogErfc(-x)));
        }
        var t = 1.0 / (1.0 + 0.5 * x);
        var poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.Log(t) + poly;
    }

    /// <summary>log(1 − e^x) for x ≤ 0.</summary>
    private static double Log1mExp(double x) =>
        x > -0.693 ? Math.Log(Math.Max(-double.ExpM1(x), double.Epsilon)) : double.LogP1(-Math.Exp(x));
}
