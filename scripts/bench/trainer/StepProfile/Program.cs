// Times the phases of one training step of the real trainer (TrainingSession.TrainBatch) over a whole
// epoch, and counts what the step allocates on the managed heap and how many collections an epoch
// triggers. Epoch 1 warms up (JIT, allocator, MKL buffers); the next epochs are measured, the first of
// them with the phase timer on and the rest without it (the timer's own cost shows as the difference).
//   dotnet run -c Release --project scripts/bench/trainer/StepProfile -- [workload] [batch] [threads] [epochs]
using System.Diagnostics;
using HyperSearch.Core.Configuration;
using HyperSearch.Training.Runtime;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;
using TorchSharp;

var workloadName = args.ElementAtOrDefault(0) ?? "fashion-mlp";
var batch = int.Parse(args.ElementAtOrDefault(1) ?? "32");
var threads = int.Parse(args.ElementAtOrDefault(2) ?? "1");
var epochs = int.Parse(args.ElementAtOrDefault(3) ?? "4");

TorchRuntime.EnsureLoaded();
torch.set_num_threads(threads);
var workload = WorkloadRegistry.CreateDefault(new WorkloadOptions()).Get(workloadName);
var data = workload.LoadData();
var config = new TrialConfig
{
    InitialLr = 0.05,
    Decay = new ConstantDecay(),
    Optimizer = new OptimizerSpec { Momentum = 0.9 },
    BatchSize = batch,
};
using var session = new TrainingSession(workload, data, config, "cpu", seed: 1);
var order = new int[data.Train.Count];
var timer = new StepTimer();
var untimed = new List<double>();
double beginSeconds = 0, allocatedPerStep = 0, gen0PerEpoch = 0, gen1PerEpoch = 0, gen2PerEpoch = 0, evaluateSeconds = 0;
for (var epoch = 1; epoch <= epochs; epoch++)
{
    var begin = Stopwatch.StartNew();
    TorchTrainer.EpochOrder(order, 1, epoch);
    session.BeginEpoch(order);
    beginSeconds = begin.Elapsed.TotalSeconds;
    session.Timer = epoch == 2 ? timer : null;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    var clock = Stopwatch.StartNew();
    for (var start = 0; start < order.Length; start += batch)
    {
        session.SetLr(0.05);
        session.TrainBatch(start, Math.Min(batch, order.Length - start));
    }

    var train = clock.Elapsed.TotalSeconds;
    session.Evaluate(data.Validation);
    var evaluate = clock.Elapsed.TotalSeconds - train;
    if (epoch >= 3)
    {
        untimed.Add(clock.Elapsed.TotalSeconds);
        evaluateSeconds += evaluate / (epochs - 2);
        allocatedPerStep += (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)session.BatchesPerEpoch / (epochs - 2);
        gen0PerEpoch += (GC.CollectionCount(0) - collections[0]) / (double)(epochs - 2);
        gen1PerEpoch += (GC.CollectionCount(1) - collections[1]) / (double)(epochs - 2);
        gen2PerEpoch += (GC.CollectionCount(2) - collections[2]) / (double)(epochs - 2);
    }
}

Console.WriteLine($"{workloadName} batch {batch}, {threads} thread(s), {session.BatchesPerEpoch} steps per epoch, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine("| phase | µs per step |");
Console.WriteLine("|---|---|");
double total = 0;
foreach (var phase in Enum.GetValues<StepPhase>())
{
    total += timer.MicrosecondsPerStep(phase);
    Console.WriteLine($"| {phase} | {timer.MicrosecondsPerStep(phase):F1} |");
}

Console.WriteLine($"| **step** | **{total:F1}** |");
Console.WriteLine($"epoch without the timer (median of {untimed.Count}): {untimed.Order().ElementAt(untimed.Count / 2):F3} s, of which validation {evaluateSeconds:F3} s; the epoch's sample order and gather before it: {beginSeconds:F3} s");
Console.WriteLine($"managed allocation per step: {allocatedPerStep:F0} bytes; collections per epoch: gen0 {gen0PerEpoch:F1}, gen1 {gen1PerEpoch:F1}, gen2 {gen2PerEpoch:F1}");
