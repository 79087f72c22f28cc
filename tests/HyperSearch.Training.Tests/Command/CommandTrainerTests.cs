using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Command;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Tests.Command;

/// <summary>
/// The command trainer against tiny real programs (bash and Python scripts): the protocol's happy path,
/// pruning, cancellation, and every way a program can fail its trial — each time with no process left.
/// </summary>
public sealed class CommandTrainerTests
{
    // Reports HYPERSEARCH_EPOCHS epochs, notes each answer, stops when told to.
    private const string Obedient = """
        echo $$ > "$OUT/pid"
        for ((e=1; e<=HYPERSEARCH_EPOCHS; e++)); do
          echo "{\"epoch\": $e, \"trainLoss\": 1.5, \"valLoss\": 1.0, \"valAccuracy\": 0.5}"
          read -r answer lr || exit 9
          echo "$answer${lr:+ $lr}" >> "$OUT/answers"
          [ "$answer" = prune ] && exit 0
        done
        exit 0
        """;

    [Fact]
    public async Task TrainAsync_ProgramReportsEveryEpoch_CompletesAndAnswersEachEpochWithTheNextLr()
    {
        using var stub = new StubProgram(Obedient);

        var (outcome, epochs) = await stub.RunAsync(StubProgram.Request(3));

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal(3, outcome.EpochsRun);
        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.Equal((1.5, 1.0, 0.5), (e.TrainLoss, e.ValLoss, e.ValAccuracy)));
        // Step decay (stepSize 1, gamma 0.5) from 0.1: the LR each epoch trained with, and the next one in each answer.
        Assert.Equal([0.1, 0.05, 0.025], epochs.Select(e => e.Lr));
        Assert.Equal(["continue 0.05", "continue 0.025", "continue"], stub.Lines("answers"));
        Assert.True(epochs[2].ElapsedSeconds >= epochs[0].ElapsedSeconds);
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
    }

    [Fact]
    public async Task TrainAsync_PrunerStopsAfterEpoch2_ProgramIsToldPruneAndTheTrialIsPruned()
    {
        using var stub = new StubProgram(Obedient);

        var (outcome, epochs) = await stub.RunAsync(StubProgram.Request(5), e => e.Epoch < 2);

        Assert.Equal(TrialState.Pruned, outcome.State);
        Assert.Equal(2, outcome.EpochsRun);
        Assert.Equal(["continue 0.05", "prune"], stub.Lines("answers"));
    }

    [Fact]
    public async Task TrainAsync_ProgramIgnoresPrune_ItIsKilledAfterTheGracePeriod()
    {
        using var stub = new StubProgram("""
            echo $$ > "$OUT/pid"
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            echo "$answer" >> "$OUT/answers"
            sleep 300
            """, stopGrace: TimeSpan.FromSeconds(0.5));

        var (outcome, _) = await stub.RunAsync(StubProgram.Request(3), _ => false);

        Assert.Equal(TrialState.Pruned, outcome.State);
        Assert.Equal(["prune"], stub.Lines("answers"));
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
    }

    [Fact]
    public async Task TrainAsync_CancelledMidRun_SigtermEndsTheProgramAndItsChildren()
    {
        using var stub = new StubProgram("""
            echo $$ > "$OUT/pid"
            sleep 300 &
            echo $! > "$OUT/child"
            trap 'echo term >> "$OUT/signals"; exit 143' TERM
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            sleep 300 & wait $!
            """);
        using var cancel = new CancellationTokenSource();

        var (outcome, epochs) = await stub.RunAsync(StubProgram.Request(3), _ =>
        {
            cancel.Cancel();
            return true;
        }, cancellationToken: cancel.Token);

        Assert.Equal(TrialState.Cancelled, outcome.State);
        Assert.Equal(1, outcome.EpochsRun);
        Assert.Single(epochs);
        Assert.Equal(["term"], stub.Lines("signals"));
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
        Assert.True(await StubProgram.GoneAsync(stub.Pid("child")), "the program's child outlived the trial");
    }

    [Fact]
    public async Task TrainAsync_CancelledProgramIgnoresSigterm_ItAndItsChildrenAreKilledAfterTheGracePeriod()
    {
        using var stub = new StubProgram("""
            trap '' TERM
            echo $$ > "$OUT/pid"
            sleep 300 &
            echo $! > "$OUT/child"
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            sleep 300
            """, stopGrace: TimeSpan.FromSeconds(0.5));
        using var cancel = new CancellationTokenSource();

        var (outcome, _) = await stub.RunAsync(StubProgram.Request(3), _ =>
        {
            cancel.Cancel();
            return true;
        }, cancellationToken: cancel.Token);

        Assert.Equal(TrialState.Cancelled, outcome.State);
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
        Assert.True(await StubProgram.GoneAsync(stub.Pid("child")), "the program's child outlived the trial");
    }

    [Fact]
    public async Task TrainAsync_ProgramCrashes_FailsWithItsTracebackAndTheEpochItReached()
    {
        using var stub = new StubProgram("""
            import json, sys
            print(json.dumps({"epoch": 1, "trainLoss": 1.0, "valLoss": 1.0, "valAccuracy": 0.1}), flush=True)
            sys.stdin.readline()
            raise ValueError("boom in epoch 2")
            """, interpreter: "/usr/bin/python3");

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.StartsWith("workload 'stub': the program exited with code 1 after epoch 1 of 3; its last stderr lines:\nTraceback (most recent call last):", error.Message);
        Assert.EndsWith("ValueError: boom in epoch 2", error.Message);
    }

    [Fact]
    public async Task TrainAsync_ProgramHangs_FailsAfterTheEpochTimeoutAndIsKilled()
    {
        using var stub = new StubProgram("""
            echo $$ > "$OUT/pid"
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            echo "stuck in epoch 2" >&2
            sleep 300
            """, epochTimeout: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.Equal("workload 'stub': the program printed nothing for 1 s while the worker waited for epoch 2 "
            + "(HyperSearch:Workloads:Commands:0:EpochTimeoutSeconds); its last stderr lines:\nstuck in epoch 2", error.Message);
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
    }

    [Fact]
    public async Task TrainAsync_ProgramPrintsGarbage_FailsQuotingTheLine()
    {
        using var stub = new StubProgram("""
            echo $$ > "$OUT/pid"
            echo "Epoch 1: loss 0.5"
            sleep 300
            """);

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.StartsWith("workload 'stub': the program printed a line that is not a protocol message (not a JSON object (", error.Message);
        Assert.EndsWith("): Epoch 1: loss 0.5; it wrote nothing on stderr", error.Message);
        Assert.True(await StubProgram.GoneAsync(stub.Pid()));
    }

    [Theory]
    [InlineData("""{"epoch": 1, "trainLoss": 1, "valLoss": 1}""", "('valAccuracy' is missing)")]
    [InlineData("""{"epoch": 1, "trainLoss": "low", "valLoss": 1, "valAccuracy": 0}""", "('trainLoss' must be a number (or \"NaN\", \"Infinity\", \"-Infinity\"); got \"low\")")]
    [InlineData("""{"loss": 1}""", "(has none of 'epoch', 'resumed' or 'testLoss')")]
    [InlineData("""{"epoch": 0, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}""", "('epoch' must be a whole number ≥ 1; got 0)")]
    public async Task TrainAsync_ProgramPrintsAMalformedMessage_FailsSayingWhatIsWrong(string line, string problem)
    {
        using var stub = new StubProgram($"echo '{line}'\nsleep 300\n");

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.Equal($"workload 'stub': the program printed a line that is not a protocol message {problem}: {line}; it wrote nothing on stderr", error.Message);
    }

    [Fact]
    public async Task TrainAsync_ProgramExitsNonZeroAfterItsLastEpoch_Fails()
    {
        using var stub = new StubProgram(Obedient.Replace("done\nexit 0", "done\necho 'cleanup failed' >&2; exit 3", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(2)));

        Assert.Equal("workload 'stub': the program exited with code 3 after epoch 2 of 2; its last stderr lines:\ncleanup failed", error.Message);
    }

    [Fact]
    public async Task TrainAsync_ProgramExitsZeroBeforeTheLastEpoch_Fails()
    {
        using var stub = new StubProgram("""
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            """);

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.Equal("workload 'stub': the program exited after epoch 1 of 3 without being told to stop; it wrote nothing on stderr", error.Message);
    }

    [Fact]
    public async Task TrainAsync_ProgramSkipsAnEpoch_Fails()
    {
        using var stub = new StubProgram("""
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            echo '{"epoch": 3, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            """);

        var error = await Assert.ThrowsAsync<WorkloadException>(() => stub.RunAsync(StubProgram.Request(3)));

        Assert.StartsWith("workload 'stub': the program reported epoch 3 after epoch 1; expected epoch 2", error.Message);
    }

    [Fact]
    public async Task TrainAsync_NaNLossPrintedByPythonJson_DivergedAndTheProgramIsToldToStop()
    {
        using var stub = new StubProgram("""
            import json, os, sys
            for epoch in (1, 2, 3):
                loss = float("nan") if epoch == 2 else 1.0
                print(json.dumps({"epoch": epoch, "trainLoss": loss, "valLoss": loss, "valAccuracy": 0.1}), flush=True)
                answer = sys.stdin.readline().split()[0]
                with open(os.path.join(os.environ["OUT"], "answers"), "a") as f:
                    print(answer, file=f)
                if answer == "prune":
                    break
            """, interpreter: "/usr/bin/python3");

        var (outcome, epochs) = await stub.RunAsync(StubProgram.Request(3));

        Assert.Equal(TrialState.Diverged, outcome.State);
        Assert.Equal("training loss became NaN in epoch 2", outcome.Message);
        Assert.True(double.IsNaN(epochs[1].TrainLoss));
        Assert.Equal(["continue", "prune"], stub.Lines("answers"));
    }

    [Fact]
    public async Task TrainAsync_TestSetRequested_TheProgramsTestLineIsTheOutcomes()
    {
        using var stub = new StubProgram("""
            grep -q '"evaluateTestSet": true' "$HYPERSEARCH_TRIAL_FILE" || exit 4
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            echo '{"testLoss": 0.75, "testAccuracy": 0.625}'
            """);

        var (outcome, _) = await stub.RunAsync(StubProgram.Request(1) with { EvaluateTestSet = true });

        Assert.Equal((TrialState.Completed, 0.75, 0.625), (outcome.State, outcome.TestLoss, outcome.TestAccuracy));
    }

    [Fact]
    public async Task TrainAsync_GpuTrial_ProgramSeesOnlyItsGpuAndTheTrialsValues()
    {
        using var stub = new StubProgram("""
            echo "$CUDA_VISIBLE_DEVICES|$HYPERSEARCH_DEVICE|$HYPERSEARCH_EPOCHS|$HYPERSEARCH_SEED|$HYPERSEARCH_THREADS|$OMP_NUM_THREADS|$HYPERSEARCH_RESUME|$1" > "$OUT/env"
            cp "$HYPERSEARCH_TRIAL_FILE" "$OUT/trial.json"
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            """);
        var command = stub.Command with { Arguments = [.. stub.Command.Arguments, "{device}/{seed}/{epochs}"] };
        var registry = WorkloadRegistry.CreateDefault().Add(command);
        var request = StubProgram.Request(1) with
        {
            Device = "cuda:1",
            Threads = 3,
            Config = new TrialConfig { InitialLr = 0.1, Decay = new ConstantDecay(), BatchSize = 16, Params = new Dictionary<string, double> { ["n_layers"] = 2 } },
        };

        var outcome = await new CommandTrainer(registry).TrainAsync(request, _ => ValueTask.FromResult(true), CancellationToken.None);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal("1|cuda:1|1|7|3|3|0|cuda:1/7/1", stub.Lines("env").Single());
        using var trial = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(stub.Evidence, "trial.json")));
        var root = trial.RootElement;
        Assert.Equal(("stub", 1, 7, "cuda:1", 3, "epoch", false, 0.1), (root.GetProperty("workload").GetString(), root.GetProperty("epochs").GetInt32(),
            root.GetProperty("seed").GetInt32(), root.GetProperty("device").GetString(), root.GetProperty("threads").GetInt32(),
            root.GetProperty("scheduleUnit").GetString(), root.GetProperty("resume").GetBoolean(), root.GetProperty("lr").GetDouble()));
        Assert.Equal(16, root.GetProperty("config").GetProperty("batchSize").GetInt32());
        Assert.Equal(2, root.GetProperty("config").GetProperty("params").GetProperty("n_layers").GetDouble());
        Assert.Equal("constant", root.GetProperty("config").GetProperty("decay").GetProperty("type").GetString());
    }

    [Fact]
    public async Task TrainAsync_CpuTrial_NoGpuIsVisible()
    {
        using var stub = new StubProgram("""
            echo "[${CUDA_VISIBLE_DEVICES-unset}]" > "$OUT/env"
            echo '{"epoch": 1, "trainLoss": 1, "valLoss": 1, "valAccuracy": 0}'
            read -r answer
            """);

        await stub.RunAsync(StubProgram.Request(1));

        Assert.Equal("[]", stub.Lines("env").Single());
    }

    [Fact]
    public async Task TrainAsync_ExecutableMissing_FailsNamingTheSetting()
    {
        using var stub = new StubProgram(Obedient);
        var registry = WorkloadRegistry.CreateDefault().Add(stub.Command with { Executable = "no-such-interpreter-here" });

        var error = await Assert.ThrowsAsync<WorkloadException>(() =>
            new CommandTrainer(registry).TrainAsync(StubProgram.Request(1), _ => ValueTask.FromResult(true), CancellationToken.None));

        Assert.StartsWith("workload 'stub': its executable 'no-such-interpreter-here' is not on PATH (HyperSearch:Workloads:Commands:0:Executable; PATH=", error.Message);
    }

    [Fact]
    public async Task TrainAsync_BadRequest_ThrowsNamingEveryField()
    {
        using var stub = new StubProgram(Obedient);

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() =>
            stub.RunAsync(StubProgram.Request(0) with { Device = "gpu", Threads = 0 }));

        Assert.Equal(["device", "epochs", "threads"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task TrainAsync_WorkloadIsNotACommand_ThrowsNamingTheWorkload()
    {
        using var stub = new StubProgram(Obedient);

        var error = await Assert.ThrowsAsync<InvalidTrainingRequestException>(() => stub.RunAsync(StubProgram.Request(1, workload: "fashion-mlp")));

        Assert.Equal("workload: 'fashion-mlp' is not a command workload (commands: stub)", error.Message);
    }
}
