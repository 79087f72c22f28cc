using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Training.Checkpoints;
using HyperSearch.Training.Command;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Command;

/// <summary>
/// A tiny real program (a bash or Python script in a temporary folder) run by the real
/// <see cref="CommandTrainer"/>: what it saw and answered is left in <see cref="Evidence"/> files
/// (the script gets that folder as <c>$OUT</c>).
/// </summary>
internal sealed class StubProgram : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-stub-").FullName;

    public StubProgram(string script, string interpreter = "/bin/bash", TimeSpan? epochTimeout = null, TimeSpan? stopGrace = null, string name = "stub")
    {
        var path = Path.Combine(_dir, interpreter.EndsWith("python3", StringComparison.Ordinal) ? "stub.py" : "stub.sh");
        File.WriteAllText(path, script);
        Directory.CreateDirectory(Evidence);
        Command = new CommandWorkload
        {
            Name = name,
            Executable = interpreter,
            Arguments = [path],
            Environment = new Dictionary<string, string> { ["OUT"] = Evidence },
            EpochTimeout = epochTimeout ?? TimeSpan.FromSeconds(60),
            StopGrace = stopGrace ?? TimeSpan.FromSeconds(5),
            Source = "HyperSearch:Workloads:Commands:0",
        };
        Registry = WorkloadRegistry.CreateDefault().Add(Command);
    }

    public CommandWorkload Command { get; }

    public WorkloadRegistry Registry { get; }

    public string Evidence => Path.Combine(_dir, "out");

    public string Root => _dir;

    /// <summary>Lines the script appended to <c>$OUT/name</c> (empty when it wrote none).</summary>
    public string[] Lines(string name) => File.Exists(Path.Combine(Evidence, name)) ? File.ReadAllLines(Path.Combine(Evidence, name)) : [];

    public int Pid(string name = "pid") => int.Parse(Lines(name).Single());

    public static TrainingRequest Request(int epochs, DecaySpec? decay = null, string workload = "stub") => new()
    {
        Workload = workload,
        Config = new TrialConfig { InitialLr = 0.1, Decay = decay ?? new StepDecay { StepSize = 1, Gamma = 0.5 } },
        Epochs = epochs,
        Seed = 7,
        Threads = 1,
    };

    public async Task<(TrainingOutcome Outcome, List<EpochReport> Epochs)> RunAsync(
        TrainingRequest request, Func<EpochReport, bool>? onEpoch = null, CheckpointStore? store = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<EpochReport>();
        var outcome = await new CommandTrainer(Registry, store).TrainAsync(request, report =>
        {
            reports.Add(report);
            return ValueTask.FromResult(onEpoch?.Invoke(report) ?? true);
        }, cancellationToken);
        return (outcome, reports);
    }

    /// <summary>True while the process runs (a zombie, dead but not yet reaped by its parent, is not alive).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) until the process is gone: a kill is asynchronous.</summary>
    public static async Task<bool> GoneAsync(int pid, int seconds = 10)
    {
        for (var i = 0; i < seconds * 20 && IsAlive(pid); i++)
        {
            await Task.Delay(50);
        }

        return !IsAlive(pid);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
