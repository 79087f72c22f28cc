using HyperSearch.Core.Trials;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Command;

/// <summary>
/// examples/python/hypersearch_trial.py (the helper module command workloads in Python use) against the
/// real command trainer: the protocol it speaks, the LRs it hands the program, and stdout kept for the
/// protocol while the program's own prints go to stderr.
/// </summary>
public sealed class HelperModuleTests
{
    private static readonly string Examples = Path.Combine(RepoRoot(), "examples", "python");

    private static string Program(string body) => $$"""
        import json, os, sys
        sys.path.insert(0, {{System.Text.Json.JsonSerializer.Serialize(Examples)}})
        import hypersearch_trial
        trial = hypersearch_trial.start()
        print("a stray print, on stderr")
        {{body}}
        """;

    [Fact]
    public async Task Helper_FullRunWithTestSet_ReportsEveryEpochHandsOverEachLrAndTheTestResult()
    {
        using var stub = new StubProgram(Program("""
            trial.resumed(0)
            lrs = [trial.lr]
            for epoch in range(1, trial.epochs + 1):
                if not trial.report(epoch, 1.0 / epoch, 0.5, 0.25, f1=0.75):
                    break
                lrs.append(trial.lr)
            if trial.evaluate_test_set:
                trial.report_test(0.4, 0.6)
            with open(os.path.join(os.environ["OUT"], "lrs"), "w") as f:
                json.dump({"lrs": lrs, "params": trial.params, "device": trial.device, "resume": trial.resume}, f)
            """), interpreter: "/usr/bin/python3");

        var (outcome, epochs) = await stub.RunAsync(StubProgram.Request(3) with { EvaluateTestSet = true });

        Assert.Equal((TrialState.Completed, 0.4, 0.6), (outcome.State, outcome.TestLoss, outcome.TestAccuracy));
        Assert.Equal([1.0, 0.5, 1.0 / 3], epochs.Select(e => e.TrainLoss));
        Assert.Equal("""{"lrs": [0.1, 0.05, 0.025, 0.025], "params": {}, "device": "cpu", "resume": false}""", stub.Lines("lrs").Single());
    }

    [Fact]
    public async Task Helper_Pruned_ReportReturnsFalseAndTheProgramEnds()
    {
        using var stub = new StubProgram(Program("""
            for epoch in range(1, trial.epochs + 1):
                if not trial.report(epoch, 1.0, 0.5, 0.25):
                    print("pruned at", epoch, file=open(os.path.join(os.environ["OUT"], "pruned"), "w"))
                    break
            """), interpreter: "/usr/bin/python3");

        var (outcome, _) = await stub.RunAsync(StubProgram.Request(5), e => e.Epoch < 2);

        Assert.Equal((TrialState.Pruned, 2), (outcome.State, outcome.EpochsRun));
        Assert.Equal(["pruned at 2"], stub.Lines("pruned"));
    }

    [Fact]
    public async Task Helper_ProgramCrashes_ItsPrintsAndTracebackAreTheStderrTail()
    {
        using var stub = new StubProgram(Program("""
            trial.report(1, 1.0, 0.5, 0.25)
            raise MemoryError("out of memory in epoch 2")
            """), interpreter: "/usr/bin/python3");

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.StartsWith("workload 'stub': the program exited with code 1 after epoch 1 of 3; its last stderr lines:\na stray print, on stderr\nTraceback", error.Message);
        Assert.EndsWith("MemoryError: out of memory in epoch 2", error.Message);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HyperSearch.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HyperSearch.sln not found above the test folder");
    }
}
