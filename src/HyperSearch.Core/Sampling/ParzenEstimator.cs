namespace HyperSearch.Core.Sampling;

/// <summary>
/// A product-kernel Parzen estimator over several dimensions, one mixture component per
/// observation plus a prior component (Optuna 3.1's multivariate estimator): Gaussian kernels
/// truncated to the range for numbers, smoothed one-hot rows for categories. Observation weights
/// ramp up for the newest trials past 25 (Optuna's default_weights).
/// </summary>
internal sealed class ParzenEstimator
{
    private readonly IReadOnlyList<TpeDimension> dims;
    private readonly double[] weights;
    private readonly double[][] mus;
    private readonly double[][] sigmas;
    private readonly double[][][] categorical;
    private readonly bool omitKernelScale;

    /// <param name="observations">Rows in trial order, one internal-scale value per dimension.</param>
    /// <param name="minSigmaComponents">
    /// The component count the magic clip's floor is computed from (range / min(100, 1 + count));
    /// null: this estimator's own count, as in Optuna.
    /// </param>
    public ParzenEstimator(IReadOnlyList<TpeDimension> dims, IReadOnlyList<double[]> observations, TpeOptions options, int? minSigmaComponents = null)
    {
        this.dims = dims;
        omitKernelScale = options.OmitKernelScale;
        var n = observations.Count;
        weights = Weights(n, options.PriorWeight);
        mus = new double[dims.Count][];
        sigmas = new double[dims.Count][];
        categorical = new double[dims.Count][][];
        for (var d = 0; d < dims.Count; d++)
        {
            var column = observations.Select(o => o[d]).ToArray();
            if (dims[d].IsCategorical)
            {
                categorical[d] = CategoricalRows(column, dims[d].Choices, options.PriorWeight);
            }
            else
            {
                (mus[d], sigmas[d]) = Kernels(column, dims[d], options, dims.Count, minSigmaComponents ?? n + 1);
            }
        }
    }

    /// <summary>Values of the leading dimensions this estimator is conditioned on (empty: none).</summary>
    private readonly double[] fixedValues = [];

    private ParzenEstimator(ParzenEstimator source, double[] weights, double[] fixedValues)
    {
        (dims, this.weights, mus, sigmas, categorical, omitKernelScale, this.fixedValues) =
            (source.dims, weights, source.mus, source.sigmas, source.categorical, source.omitKernelScale, fixedValues);
    }

    /// <summary>
    /// The mixture given the first <paramref name="fixedValues"/>.Length dimensions: each component's
    /// weight times its kernels' density at those values, renormalised. Sampling and scoring then
    /// concern the remaining dimensions only (samples carry the fixed values, scores ignore them).
    /// </summary>
    public ParzenEstimator Given(double[] fixedValues)
    {
        var logs = new double[weights.Length];
        for (var j = 0; j < weights.Length; j++)
        {
            logs[j] = Math.Log(weights[j]);
            for (var d = 0; d < fixedValues.Length; d++)
            {
                logs[j] += ComponentLogPdf(d, j, fixedValues[d]);
            }
        }
        var max = logs.Max();
        var w = logs.Select(v => Math.Exp(v - max)).ToArray();
        var total = w.Sum();
        return new ParzenEstimator(this, w.Select(v => v / total).ToArray(), fixedValues);
    }

    public double[] Sample(SeededRandom rng)
    {
        var component = Pick(weights, rng.NextDouble());
        var x = new double[dims.Count];
        Array.Copy(fixedValues, x, fixedValues.Length);
        for (var d = fixedValues.Length; d < dims.Count; d++)
        {
            var dim = dims[d];
            x[d] = dim.IsCategorical
                ? Pick(categorical[d][component], rng.NextDouble())
                : TruncatedNormal.Sample(mus[d][component], sigmas[d][component], dim.Low, dim.High, rng);
        }
        return x;
    }

    public double LogPdf(double[] x)
    {
        var terms = new double[weights.Length];
        for (var j = 0; j < weights.Length; j++)
        {
            var sum = Math.Log(weights[j]);
            for (var d = fixedValues.Length; d < dims.Count; d++)
            {
                sum += ComponentLogPdf(d, j, x[d]);
            }
            terms[j] = sum;
        }
        var max = terms.Max();
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    private double ComponentLogPdf(int d, int j, double x)
    {
        var dim = dims[d];
        if (dim.IsCategorical)
        {
            return Math.Log(categorical[d][j][(int)x]);
        }
        double mu = mus[d][j], sigma = sigmas[d][j];
        if (dim.Q is not { } q)
        {
            var logPdf = TruncatedNormal.LogPdf(x, mu, sigma, dim.Low, dim.High);
            return omitKernelScale ? logPdf + Math.Log(sigma) : logPdf;
        }
        // A discrete value owns the mass of its cell [x − q/2, x + q/2] within the range.
        var lower = Math.Max(x - q / 2, dim.Low);
        var upper = Math.Min(x + q / 2, dim.High);
        return TruncatedNormal.LogGaussMass((lower - mu) / sigma, (upper - mu) / sigma)
            - TruncatedNormal.LogGaussMass((dim.Low - mu) / sigma, (dim.High - mu) / sigma);
    }

    private static double[] Weights(int n, double priorWeight)
    {
        var w = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            // Optuna: below 25 observations all count the same; beyond, the oldest n − 25 ramp
            // linearly from 1/n to 1 so the newest 25 dominate.
            w[i] = n < 25 || i >= n - 25 ? 1.0 : Ramp(n, i);
        }
        w[n] = priorWeight;
        var total = w.Sum();
        return w.Select(v => v / total).ToArray();
    }

    private static double Ramp(int n, int i)
    {
        var count = n - 25;
        return count == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (count - 1);
    }

    private static (double[] Mus, double[] Sigmas) Kernels(double[] column, TpeDimension dim, TpeOptions options, int dimensions, int components)
    {
        var n = column.Length;
        var range = dim.High - dim.Low;
        var mus = new double[n + 1];
        Array.Copy(column, mus, n);
        mus[n] = 0.5 * (dim.Low + dim.High);
        var sigmas = options.Bandwidth == TpeBandwidth.Scott
            ? Enumerable.Repeat(Scott(n, dimensions) * range, n + 1).ToArray()
            : NeighbourSigmas(mus, dim.Low, dim.High);
        // Optuna's "magic clip": no kernel narrower than range / min(100, components).
        var minSigma = range / Math.Min(100.0, 1.0 + components);
        for (var i = 0; i < sigmas.Length; i++)
        {
            sigmas[i] = Math.Clamp(sigmas[i], minSigma, range);
        }
        sigmas[n] = range;
        return (mus, sigmas);
    }

    /// <summary>Scott's rule as in BOHB and Optuna's multivariate TPE.</summary>
    private static double Scott(int n, int dimensions) => 0.2 * Math.Pow(Math.Max(n, 1), -1.0 / (dimensions + 4));

    /// <summary>Optuna's univariate rule: the larger gap to a sorted neighbour (range ends excluded at the edges).</summary>
    private static double[] NeighbourSigmas(double[] mus, double low, double high)
    {
        var order = Enumerable.Range(0, mus.Length).OrderBy(i => mus[i]).ToArray();
        var padded = new double[mus.Length + 2];
        padded[0] = low;
        padded[^1] = high;
        for (var k = 0; k < order.Length; k++)
        {
            padded[k + 1] = mus[order[k]];
        }
        var sorted = new double[mus.Length];
        for (var k = 0; k < sorted.Length; k++)
        {
            sorted[k] = Math.Max(padded[k + 1] - padded[k], padded[k + 2] - padded[k + 1]);
        }
        if (padded.Length >= 4)
        {
            sorted[0] = padded[2] - padded[1];
            sorted[^1] = padded[^2] - padded[^3];
        }
        var sigmas = new double[mus.Length];
        for (var k = 0; k < order.Length; k++)
        {
            sigmas[order[k]] = sorted[k];
        }
        return sigmas;
    }

    private static double[][] CategoricalRows(double[] column, int choices, double priorWeight)
    {
        var n = column.Length;
        var rows = new double[n + 1][];
        for (var i = 0; i <= n; i++)
        {
            var row = Enumerable.Repeat(priorWeight / (n + 1), choices).ToArray();
            if (i < n)
            {
                row[(int)column[i]] += 1;
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
