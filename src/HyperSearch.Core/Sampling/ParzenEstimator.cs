namespace HyperSearch.Core.Sampling;

/// <summary>
/// Optuna 3.1's <c>_ParzenEstimator</c> for one parameter with its default settings (prior on with
/// weight 1, magic clip on, endpoints off, <c>default_weights</c>): one component per observation plus
/// a prior component, a truncated Gaussian per component for numbers (bandwidth: the larger gap to a
/// sorted neighbour; no narrower than range / min(100, components)), a smoothed one-hot row for
/// categories. Observations come in trial order, which the weight ramp needs.
/// </summary>
internal sealed class ParzenEstimator
{
    private const double PriorWeight = 1.0;

    private readonly TpeDimension dim;
    private readonly double[] logMasses = [];

    public ParzenEstimator(TpeDimension dim, IReadOnlyList<double> observations)
    {
        this.dim = dim;
        Weights = ComponentWeights(observations.Count);
        if (dim.IsCategorical)
        {
            CategoricalWeights = CategoricalRows(observations, dim.Choices);
            return;
        }
        (Mus, Sigmas) = Kernels(observations, dim.Low, dim.High);
        logMasses = Mus.Select((mu, j) => TruncatedNormal.LogGaussMass((dim.Low - mu) / Sigmas[j], (dim.High - mu) / Sigmas[j])).ToArray();
    }

    /// <summary>Component weights, the prior's last; they sum to 1.</summary>
    public double[] Weights { get; }

    public double[] Mus { get; } = [];

    public double[] Sigmas { get; } = [];

    /// <summary>Per component, the probability of each choice (categorical parameters only).</summary>
    public double[][] CategoricalWeights { get; } = [];

    /// <summary>One draw on the internal scale: a component by weight, then its kernel.</summary>
    public double Sample(SeededRandom rng)
    {
        var j = Pick(Weights, rng.NextDouble());
        return dim.IsCategorical
            ? Pick(CategoricalWeights[j], rng.NextDouble())
            : TruncatedNormal.Sample(Mus[j], Sigmas[j], dim.Low, dim.High, rng);
    }

    /// <summary>Optuna's <c>log_pdf</c> of an internal-scale value (a choice index for categories).</summary>
    public double LogPdf(double x)
    {
        if (dim.IsCategorical)
        {
            // Optuna's shortcut for a lone categorical parameter: log of the weighted row sum.
            var p = 0.0;
            for (var j = 0; j < Weights.Length; j++)
            {
                p += CategoricalWeights[j][(int)x] * Weights[j];
            }
            return Math.Log(p);
        }
        var terms = new double[Weights.Length];
        for (var j = 0; j < terms.Length; j++)
        {
            terms[j] = ComponentLogPdf(j, x) + Math.Log(Weights[j]);
        }
        var max = terms.Max();
        return Math.Log(terms.Sum(t => Math.Exp(t - max))) + max;
    }

    private double ComponentLogPdf(int j, double x)
    {
        double mu = Mus[j], sigma = Sigmas[j];
        if (dim.Q is not { } q)
        {
            return TruncatedNormal.LogPdf(x, mu, sigma, logMasses[j]);
        }
        // A discrete value owns the mass of its cell [x − q/2, x + q/2] within the range.
        var upper = Math.Min(x + q / 2.0, dim.High);
        var lower = Math.Max(x - q / 2.0, dim.Low);
        return TruncatedNormal.LogGaussMass((lower - mu) / sigma, (upper - mu) / sigma) - logMasses[j];
    }

    /// <summary>Optuna's <c>default_weights</c> (flat below 25 observations; past that the oldest n − 25 ramp up from 1/n) and the prior's weight, normalised.</summary>
    private static double[] ComponentWeights(int n)
    {
        var w = new double[n + 1];
        var ramp = Math.Max(n - 25, 0);
        for (var i = 0; i < n; i++)
        {
            // numpy's linspace(1/n, 1, ramp): i·step + start, the last exactly 1 (a lone one is 1/n).
            w[i] = i >= ramp ? 1.0
                : ramp == 1 ? 1.0 / n
                : i == ramp - 1 ? 1.0
                : i * ((1.0 - 1.0 / n) / (ramp - 1)) + 1.0 / n;
        }
        w[n] = PriorWeight;
        var total = w.Sum();
        return w.Select(v => v / total).ToArray();
    }

    private static (double[] Mus, double[] Sigmas) Kernels(IReadOnlyList<double> observations, double low, double high)
    {
        var n = observations.Count;
        var mus = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            mus[i] = observations[i];
        }
        mus[n] = 0.5 * (low + high);
        var order = NumpyArgsort.Of(mus);
        var padded = new double[n + 3];
        (padded[0], padded[^1]) = (low, high);
        for (var k = 0; k <= n; k++)
        {
            padded[k + 1] = mus[order[k]];
        }
        var sorted = new double[n + 1];
        for (var k = 0; k <= n; k++)
        {
            sorted[k] = Math.Max(padded[k + 1] - padded[k], padded[k + 2] - padded[k + 1]);
        }
        if (padded.Length >= 4)
        {
            // consider_endpoints=False: the outermost kernels look inward only.
            sorted[0] = padded[2] - padded[1];
            sorted[^1] = padded[^2] - padded[^3];
        }
        var (minSigma, maxSigma) = ((high - low) / Math.Min(100.0, 1.0 + mus.Length), high - low);
        var sigmas = new double[n + 1];
        for (var k = 0; k <= n; k++)
        {
            sigmas[order[k]] = Math.Min(Math.Max(sorted[k], minSigma), maxSigma);
        }
        sigmas[n] = high - low;
        return (mus, sigmas);
    }

    private static double[][] CategoricalRows(IReadOnlyList<double> observations, int choices)
    {
        var n = observations.Count;
        var rows = new double[n + 1][];
        for (var i = 0; i <= n; i++)
        {
            var row = Enumerable.Repeat(PriorWeight / (n + 1), choices).ToArray();
            if (i < n)
            {
                row[(int)observations[i]] += 1;
            }
            var total = row.Sum();
            rows[i] = row.Select(v => v / total).ToArray();
        }
        return rows;
    }

    private static int Pick(double[] probabilities, double u)
    {
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }
        return probabilities.Length - 1;
    }
}
