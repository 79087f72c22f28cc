using HyperSearch.Core.Configuration;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Checkpoints;

namespace HyperSearch.Training.Tests.Command;

/// <summary>
/// A keyed command run keeps its program's folder: started again (the trial came back to the queue) the
/// program is told to resume, says where its checkpoint was, and the worker's schedule and clock go on
/// from there; a folder of another run is never handed over.
/// </summary>
public sealed class CommandResumeTests : IDisposable
{
    // Checkpoints (a file holding the last epoch) only after the worker answered that epoch, as the helper module does.
    private const string Resumable = """
        done=0
        if [ "$HYPERSEARCH_RESUME" = 1 ] && [ -f "$HYPERSEARCH_CHECKPOINT_DIR/state" ]; then done=$(cat "$HYPERSEARCH_CHECKPOINT_DIR/state"); fi
        echo "$HYPERSEARCH_RESUME $done" >> "$OUT/starts"
        echo "{\"resumed\": $done}"
        read -r answer lr || exit 9
        for ((e=done+1; e<=HYPERSEARCH_EPOCHS; e++)); do
          echo "{\"epoch\": $e, \"trainLoss\": 1, \"valLoss\": 1.0, \"valAccuracy\": 0.5}"
          read -r answer lr || exit 9
          [ "$answer" = prune ] && exit 0
          echo $e > "$HYPERSEARCH_CHECKPOINT_DIR/state"
        done
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("hs-cmd-resume-").FullName;

    private CheckpointStore Store => new(new CheckpointOptions { Directory = _dir });

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<DecaySpec> Decays => new()
    {
        new StepDecay { StepSize = 1, Gamma = 0.5 },
        // Constant validation losses: the LR halves once the first epoch's loss is no longer beaten, so a
        // replay without the first attempt's losses would give other LRs.
        new ReduceOnPlateauDecay { Factor = 0.5, Patience = 0 },
    };

    [Theory]
    [MemberData(nameof(Decays))]
    public async Task TrainAsync_StoppedAfterEpoch2AndStartedAgain_ResumesFromTheProgramsCheckpointWithTheUninterruptedSchedule(DecaySpec decay)
    {
        using var stub = new StubProgram(Resumable);
        var (_, uninterrupted) = await stub.RunAsync(StubProgram.Request(4, decay));
        var request = StubProgram.Request(4, decay) with { CheckpointKey = "trial-5" };
        using var cancel = new CancellationTokenSource();
        var (stopped, first) = await stub.RunAsync(request, e =>
        {
            if (e.Epoch == 2) cancel.Cancel();
            return true;
        }, Store, cancel.Token);
        int? onStart = null;

        var (outcome, second) = await stub.RunAsync(request with { OnStart = done => { onStart = done; return ValueTask.CompletedTask; } }, store: Store);

        Assert.Equal(TrialState.Cancelled, stopped.State);
        Assert.Equal(TrialState.Completed, outcome.State);
        // Epoch 2 was never answered, so the program's checkpoint holds epoch 1: epochs 2..4 are trained again.
        Assert.Equal(["0 0", "0 0", "1 1"], stub.Lines("starts"));
        Assert.Equal(1, onStart);
        Assert.Equal([2, 3, 4], second.Select(e => e.Epoch));
        Assert.Equal(uninterrupted.Skip(1).Select(e => e.Lr), second.Select(e => e.Lr));
        Assert.True(second[0].ElapsedSeconds >= first[0].ElapsedSeconds, "the clock started over");
    }

    [Fact]
    public async Task TrainAsync_FolderOfAnotherConfig_StartsOverWithAWarning()
    {
        using var stub = new StubProgram(Resumable);
        var request = StubProgram.Request(2) with { CheckpointKey = "trial-5" };
        await stub.RunAsync(request, store: Store);

        var (outcome, epochs) = await stub.RunAsync(request with { Config = request.Config with { InitialLr = 0.2 } }, store: Store);

        Assert.Equal(["0 0", "0 0"], stub.Lines("starts"));
        Assert.Equal([1, 2], epochs.Select(e => e.Epoch));
        Assert.Equal("warning: checkpoint 'trial-5' could not be restored (it belongs to another run (workload stub, seed 7)); the trial restarted from epoch 1", outcome.Message);
    }

    [Fact]
    public async Task TrainAsync_PbtForkOfAParent_StartsFromTheParentsProgramCheckpoint()
    {
        using var stub = new StubProgram(Resumable);
        using var cancel = new CancellationTokenSource();
        await stub.RunAsync(StubProgram.Request(4) with { CheckpointKey = "trial-1" }, e =>
        {
            if (e.Epoch == 3) cancel.Cancel();
            return true;
        }, Store, cancel.Token);
        var child = StubProgram.Request(4) with { CheckpointKey = "trial-2", ForkFromKey = "trial-1", Config = new TrialConfig { InitialLr = 0.3, Decay = new ConstantDecay() } };

        var (outcome, epochs) = await stub.RunAsync(child, store: Store);

        Assert.Equal(TrialState.Completed, outcome.State);
        Assert.Equal(["0 0", "1 2"], stub.Lines("starts"));
        Assert.Equal([3, 4], epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.Equal(0.3, e.Lr));
    }

    [Fact]
    public async Task Delete_KeyOfACommandRun_RemovesItsFolder()
    {
        using var stub = new StubProgram(Resumable);
        await stub.RunAsync(StubProgram.Request(1) with { CheckpointKey = "trial-5" }, store: Store);
        Assert.True(Directory.Exists(Store.FolderOf("trial-5")));

        Store.Delete("trial-5");

        Assert.False(Directory.Exists(Store.FolderOf("trial-5")));
    }
}
