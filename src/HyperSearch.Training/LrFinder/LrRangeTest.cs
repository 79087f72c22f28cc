using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Validation;
using HyperSearch.Training.Runtime;
using TorchSharp;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.LrFinder;

/// <summary>
/// fastai's LR finder: train a fresh model for up to <see cref="LrRangeTestOptions.Steps"/> batches
/// while the LR grows exponentially from MinLr to MaxLr, record the bias-corrected EMA of the loss,
/// stop when it exceeds DivergenceFactor × its best, and suggest an LR (see <see cref="LrSuggestion"/>).
/// Used by the CLI (<c>hypersearch lr-find</c>) and the dashboard.
/// </summary>
public sealed class LrRangeTest(WorkloadRegistry workloads)
{
    /// <summary>A sweep is a few hundred batches; the cap keeps a typo from allocating the curve for 2³¹ of them.</summary>
    public const int MaxSteps = 100_000;

    private const string ConfigPrefix = "config.";

    /// <exception cref="InvalidTrainingRequestException">A bad workload or option; every offending field is named.</exception>
    public Task<LrRangeTestResult> RunAsync(
        string workload,
        LrRangeTestOptions options,
        IProgress<LrRangePoint>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Validate(workload, options);
        var chosen = workloads.Get(workload);
        cancellationToken.ThrowIfCancellationRequested();
        return TrainingThreads.Run(() => Run(chosen, options, progress, cancellationToken));
    }

    private static LrRangeTestResult Run(
        IWorkload workload, LrRangeTestOptions options, IProgress<LrRangePoint>? progress, CancellationToken cancellationToken)
    {
        var config = new TrialConfig
        {
            InitialLr = options.MinLr,
            Decay = new ConstantDecay(),
            Optimizer = options.Optimizer,
            BatchSize = options.BatchSize,
        };
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(options.Threads);
        var data = workload.LoadData();
        using var session = new TrainingSession(workload, data, config, options.Device, options.Seed);
        var order = new int[data.Train.Count];
        var pass = 0;
        var position = order.Length;
        var ratio = Math.Log(options.MaxLr / options.MinLr);
        var points = new List<LrRangePoint>(options.Steps);
        double average = 0, best = double.PositiveInfinity;
        var diverged = false;

        for (var step = 0; step < options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (position + session.BatchSize > order.Length)
            {
                TorchTrainer.EpochOrder(order, options.Seed, ++pass);
                session.BeginEpoch(order);
                position = 0;
            }

            var lr = options.MinLr * Math.Exp(ratio * step / Math.Max(1, options.Steps - 1));
            session.SetLr(lr);
            var loss = session.TrainBatch(position, session.BatchSize);
            position += session.BatchSize;
            average = options.Smoothing * average + (1 - options.Smoothing) * loss;
            var smoothed = average / (1 - Math.Pow(options.Smoothing, step + 1));
            var point = new LrRangePoint(step, lr, loss, smoothed);
            points.Add(point);
            progress?.Report(point);
            if (!double.IsFinite(smoothed) || (step > 0 && smoothed > options.DivergenceFactor * best))
            {
                diverged = true;
                break;
            }

            best = Math.Min(best, smoothed);
        }

        var (suggested, low, high) = LrSuggestion.From(points);
        var message = suggested is null ? "the loss never decreased: widen the range or raise maxLr" : null;
        return new LrRangeTestResult(workload.Name, points, suggested, low, high, diverged, message);
    }

    private void Validate(string workload, LrRangeTestOptions options)
    {
        var errors = new List<ValidationError>();
        if (!(options.MinLr > 0) || !double.IsFinite(options.MinLr))
        {
            errors.Add(new("min", "must be a finite number > 0"));
        }

        if (!(options.MaxLr > options.MinLr) || !double.IsFinite(options.MaxLr))
        {
            errors.Add(new("max", "must be finite and greater than min"));
        }

        if (options.Steps is < 10 or > MaxSteps)
        {
            errors.Add(new("steps", $"must be between 10 and {MaxSteps}; got {options.Steps}"));
        }

        if (!(options.Smoothing is >= 0 and < 1))
        {
            errors.Add(new("smoothing", "must be in [0, 1)"));
        }

        if (!(options.DivergenceFactor > 1))
        {
            errors.Add(new("divergenceFactor", "must be > 1"));
        }

        // The rest is what a trial run checks (workload, device, threads, batch size, optimizer ranges
        // such as momentum in [0, 1)), so libtorch never sees a bad value. The LR is a placeholder:
        // min and max are checked above.
        var probe = new TrainingRequest
        {
            Workload = workload,
            Config = new TrialConfig { InitialLr = 1, Decay = new ConstantDecay(), Optimizer = options.Optimizer, BatchSize = options.BatchSize },
            Epochs = 1,
            Device = options.Device,
            Threads = options.Threads,
        };
        errors.AddRange(TrainingRequestValidator.Validate(probe, workloads)
            .Select(e => e.Path.StartsWith(ConfigPrefix, StringComparison.Ordinal) ? e with { Path = e.Path[ConfigPrefix.Length..] } : e));

        if (errors.Count > 0)
        {
            throw new InvalidTrainingRequestException(errors);
        }
    }
}
