using System.Diagnostics;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace DiagnosisBench;

/// <summary>
/// An LR sweep over the small built-in workloads, trained for real: for each workload, decay type and
/// seed, ten initial LRs from 0.001 to 3 (×2.4 apart; seeds from 4 on use the LRs in between, ×1.55
/// higher, so the held-out seeds see other curves), SGD with momentum 0.9. Curves already in the
/// file are skipped, so an interrupted run continues; it stops after <c>minutes</c>.
/// </summary>
public static class CurveGenerator
{
    public static readonly double[] Lrs = [0.001, 0.0024, 0.0058, 0.014, 0.033, 0.08, 0.19, 0.46, 1.1, 2.6];
    public static readonly double[] LrsBetween = [0.00155, 0.0037, 0.009, 0.022, 0.051, 0.124, 0.29, 0.71, 1.7, 4.0];

    public static async Task RunAsync(string path, IReadOnlyList<string> workloads, int firstSeed, int seeds, int epochs, double minutes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var done = CurveFile.Read(path).Select(c => c.Key).ToHashSet();
        var trainer = new TorchTrainer(WorkloadRegistry.CreateDefault());
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {done.Count} curves already in {path}");
        // Seeds outermost: a run cut short by --minutes still covers every workload and decay.
        foreach (var seed in Enumerable.Range(firstSeed, seeds))
        foreach (var workload in workloads)
        foreach (var decay in new[] { "constant", "cosine", "step" })
        foreach (var lr in seed <= 3 ? Lrs : LrsBetween)
        {
            var curve = new SweepCurve(workload, decay, seed, lr, [], "");
            if (done.Contains(curve.Key)) continue;
            if (clock.Elapsed.TotalMinutes > minutes)
            {
                Console.WriteLine($"stopped after {minutes} minutes (--minutes); run again to continue");
                return;
            }

            var losses = new List<double>();
            var outcome = await trainer.TrainAsync(new TrainingRequest
            {
                Workload = workload,
                Epochs = epochs,
                Seed = seed,
                Threads = 1,
                Config = new TrialConfig
                {
                    InitialLr = lr,
                    Decay = decay switch
                    {
                        "cosine" => new CosineDecay { TMax = epochs },
                        "step" => new StepDecay { StepSize = Math.Max(1, epochs / 3), Gamma = 0.5 },
                        _ => new ConstantDecay(),
                    },
                    Optimizer = new OptimizerSpec { Momentum = 0.9 },
                },
            }, report => { losses.Add(report.ValLoss); return ValueTask.FromResult(true); }, CancellationToken.None);
            CurveFile.Append(path, curve with { ValLoss = [.. losses], State = outcome.State.ToString() });
            Console.WriteLine($"{clock.Elapsed:mm\\:ss} {curve.Key}: {outcome.State}, best {(losses.Count == 0 ? double.NaN : losses.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min()):G4}");
        }

        Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}
