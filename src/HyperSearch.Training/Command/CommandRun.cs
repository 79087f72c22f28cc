using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Schedules;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Command;

/// <summary>
/// One trial of a command workload: starts the program, reads its protocol lines, reports its epochs,
/// answers each <c>resumed</c> and <c>epoch</c> line (<see cref="Continue"/> with the next epoch's LR, or
/// <see cref="Stop"/>), and ends it the way the trial ends. Every way out goes through
/// <see cref="ProgramProcess.Kill"/>: no program outlives its trial.
/// </summary>
internal sealed class CommandRun
{
    public const string Continue = "continue";
    public const string Stop = "prune";

    /// <summary>A protocol line longer than this is malformed (and costs the worker no more memory).</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>How long a failed program's stderr may take to reach its end once the program is gone.</summary>
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(2);

    private readonly CommandWorkload _command;
    private readonly TrainingRequest _request;
    private readonly TrialFolder _folder;
    private readonly Func<EpochReport, ValueTask<bool>> _onEpoch;
    private readonly CancellationToken _cancellation;
    private readonly ILrScheduler _scheduler;
    private readonly bool _plateau;
    // The worker follows the schedule per epoch; a per-batch schedule (not reduceOnPlateau) is the program's own.
    private readonly bool _tracksSchedule;
    private readonly Channel<(string Text, bool Truncated)> _lines = Channel.CreateBounded<(string, bool)>(16);
    private readonly Stopwatch _clock = new();
    private ProgramProcess _process = null!;
    private OutputTail _stderr = null!;
    private int? _started;
    private int _last;
    private double _elapsedBefore;
    private TestResultMessage? _test;

    public CommandRun(CommandWorkload command, TrainingRequest request, TrialFolder folder, Func<EpochReport, ValueTask<bool>> onEpoch, CancellationToken cancellation)
    {
        _command = command;
        _request = request;
        _folder = folder;
        _onEpoch = onEpoch;
        _cancellation = cancellation;
        _scheduler = LrSchedulerFactory.Create(request.Config);
        _plateau = request.Config.Decay is ReduceOnPlateauDecay;
        _tracksSchedule = request.ScheduleUnit == ScheduleUnit.Epoch || _plateau;
    }

    public async Task<TrainingOutcome> RunAsync()
    {
        var launch = ProgramLaunch.For(_command, _request, _folder);
        _folder.WriteTrialFile(new CommandTrialFile
        {
            Workload = _command.Name,
            Epochs = _request.Epochs,
            Seed = _request.Seed,
            Device = _request.Device,
            Threads = _request.Threads,
            ScheduleUnit = _request.ScheduleUnit,
            EvaluateTestSet = _request.EvaluateTestSet,
            CheckpointDir = _folder.CheckpointDir,
            Resume = _folder.Resume,
            Lr = _scheduler.CurrentLr,
            Config = _request.Config,
        });
        try
        {
            _process = ProgramProcess.Start(launch.Executable, launch.Arguments, launch.WorkingDirectory, launch.Environment);
        }
        catch (Win32Exception e)
        {
            throw new WorkloadException(_command.Name, $"could not start {launch.Executable}: {e.Message} ({_command.Source})");
        }

        _clock.Start();
        try
        {
            _stderr = new OutputTail(_process.Error);
            _ = PumpAsync(new LineReader(_process.Output, MaxLineBytes));
            // Once the program exits, what it left running in its group goes too, which also closes the pipes a child held.
            _ = _process.WaitForExitAsync(CancellationToken.None).ContinueWith(_ => _process.Sweep(), TaskScheduler.Default);
            return await LoopAsync();
        }
        finally
        {
            _process.Kill();
            _lines.Writer.TryComplete();
            _process.Dispose();
        }
    }

    private async Task<TrainingOutcome> LoopAsync()
    {
        while (true)
        {
            (string Text, bool Truncated) line;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation))
            {
                timeout.CancelAfter(_command.EpochTimeout);
                try
                {
                    if (!await _lines.Reader.WaitToReadAsync(timeout.Token))
                    {
                        return await FinishAsync();
                    }
                }
                catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
                {
                    return await CancelAsync();
                }
                catch (OperationCanceledException)
                {
                    throw await FailureAsync($"printed nothing for {Seconds(_command.EpochTimeout)} s while the worker waited for {Awaited} ({_command.Source}:EpochTimeoutSeconds)");
                }

                _lines.Reader.TryRead(out line);
            }

            if (line.Truncated)
            {
                throw await FailureAsync($"printed a line longer than {MaxLineBytes} bytes on stdout");
            }

            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            ProgramMessage message;
            try
            {
                message = ProgramMessageParser.Parse(line.Text);
            }
            catch (ProtocolException e)
            {
                throw await FailureAsync($"printed a line that is not a protocol message ({e.Message}): {Shorten(line.Text)}");
            }

            switch (message)
            {
                case ResumedMessage resumed:
                    if (_started is not null)
                    {
                        throw await FailureAsync($"printed {{\"resumed\": {resumed.Epochs}}} after its first epoch line; it must come first");
                    }

                    await BeginAsync(resumed.Epochs);
                    await AnswerAsync(_last < _request.Epochs ? ContinueLine() : Continue);
                    break;
                case EpochMessage epoch when await EpochAsync(epoch) is { } outcome:
                    return outcome;
                case TestResultMessage test:
                    _test = test;
                    break;
            }
        }
    }

    private string Awaited => _started is null ? "its first line" : _last < _request.Epochs ? $"epoch {_last + 1}" : "it to exit after the last epoch";

    private async Task BeginAsync(int epochsDone)
    {
        if (epochsDone > _request.Epochs)
        {
            throw await FailureAsync($"resumed at epoch {epochsDone}, past this run's {_request.Epochs} epochs");
        }

        _started = _last = epochsDone;
        var recorded = _folder.Meta.Epochs;
        for (var i = 0; i < epochsDone && _tracksSchedule; i++)
        {
            // reduceOnPlateau replays with the losses the earlier attempt reported (NaN where none was noted).
            _scheduler.Step(_plateau ? (i < recorded.Count ? recorded[i].ValLoss : double.NaN) : null);
        }

        _elapsedBefore = epochsDone > 0 && epochsDone <= recorded.Count ? recorded[epochsDone - 1].ElapsedSeconds : 0;
        if (_request.OnStart is { } onStart)
        {
            await onStart(epochsDone);
        }
    }

    /// <summary>Reports one epoch; returns how the trial ended, or null to go on.</summary>
    private async Task<TrainingOutcome?> EpochAsync(EpochMessage epoch)
    {
        if (_started is null)
        {
            // No "resumed" line: the first epoch's number says how many were restored.
            await BeginAsync(epoch.Epoch - 1);
        }

        if (epoch.Epoch != _last + 1)
        {
            throw await FailureAsync($"reported epoch {epoch.Epoch} after epoch {_last}; expected epoch {_last + 1}");
        }

        if (epoch.Epoch > _request.Epochs)
        {
            throw await FailureAsync($"reported epoch {epoch.Epoch} of a {_request.Epochs}-epoch run");
        }

        var elapsed = _elapsedBefore + _clock.Elapsed.TotalSeconds;
        var scheduled = _tracksSchedule ? _scheduler.CurrentLr : double.NaN;
        var goOn = await _onEpoch(new EpochReport(epoch.Epoch, epoch.TrainLoss, epoch.ValLoss, epoch.ValAccuracy, epoch.Lr ?? scheduled, elapsed));
        _last = epoch.Epoch;
        _folder.Record(epoch.Epoch, new RecordedEpoch(epoch.ValLoss, elapsed));
        if (_tracksSchedule)
        {
            _scheduler.Step(_plateau ? epoch.ValLoss : null);
        }

        if (_cancellation.IsCancellationRequested)
        {
            return await CancelAsync();
        }

        if (!double.IsFinite(epoch.TrainLoss) || !double.IsFinite(epoch.ValLoss))
        {
            await StopAsync();
            var (which, value) = double.IsFinite(epoch.TrainLoss) ? ("validation", epoch.ValLoss) : ("training", epoch.TrainLoss);
            return new TrainingOutcome(TrialState.Diverged, epoch.Epoch, Message: $"{which} loss became {value.ToString(CultureInfo.InvariantCulture)} in epoch {epoch.Epoch}");
        }

        if (!goOn)
        {
            await StopAsync();
            return new TrainingOutcome(TrialState.Pruned, epoch.Epoch, Message: $"pruned after epoch {epoch.Epoch}");
        }

        await AnswerAsync(_last < _request.Epochs ? ContinueLine() : Continue);
        return null;
    }

    /// <summary>The program's output ended: it exited (or closed stdout). Only a clean exit after the last epoch completes the trial.</summary>
    private async Task<TrainingOutcome> FinishAsync()
    {
        if (!await ExitedWithinAsync(_command.StopGrace))
        {
            throw await FailureAsync($"closed its stdout but did not exit within {Seconds(_command.StopGrace)} s");
        }

        var code = _process.ExitCode;
        var progress = _started is null ? "before its first epoch line" : $"after epoch {_last} of {_request.Epochs}";
        if (code != 0)
        {
            throw await FailureAsync($"exited with code {code}{SignalOf(code)} {progress}");
        }

        if (_started is null || _last < _request.Epochs)
        {
            throw await FailureAsync($"exited {progress} without being told to stop");
        }

        var missingTest = _request.EvaluateTestSet && _test is null ? "warning: the program printed no testLoss line" : null;
        return new TrainingOutcome(TrialState.Completed, _request.Epochs, _test?.TestLoss, _test?.TestAccuracy, missingTest);
    }

    /// <summary>Pruned or diverged: the program is told to stop and has the grace period to exit (its exit code no longer matters).</summary>
    private async Task StopAsync()
    {
        await AnswerAsync(Stop);
        if (!await ExitedWithinAsync(_command.StopGrace))
        {
            _process.Kill();
        }
    }

    /// <summary>Cancelled (a user, or the worker shutting down): SIGTERM, the grace period, then SIGKILL.</summary>
    private async Task<TrainingOutcome> CancelAsync()
    {
        _process.Terminate();
        if (!await ExitedWithinAsync(_command.StopGrace))
        {
            _process.Kill();
        }

        return new TrainingOutcome(TrialState.Cancelled, _last, Message: "cancelled");
    }

    private async Task<bool> ExitedWithinAsync(TimeSpan time)
    {
        using var timeout = new CancellationTokenSource(time);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string ContinueLine() => $"{Continue} {_scheduler.CurrentLr.ToString("R", CultureInfo.InvariantCulture)}";

    private async Task AnswerAsync(string answer)
    {
        if (answer.StartsWith(Continue, StringComparison.Ordinal) && !_tracksSchedule)
        {
            answer = Continue;
        }

        try
        {
            await _process.Input.WriteLineAsync(answer);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The program exited or closed stdin; its exit is read next.
        }
    }

    /// <summary>The trial's failure: the program is killed first, so its stderr ends and its last lines can be quoted.</summary>
    private async Task<WorkloadException> FailureAsync(string problem)
    {
        _process.Kill();
        var tail = await _stderr.TextAsync(DrainPatience);
        var stderr = tail.Length == 0 ? "; it wrote nothing on stderr" : $"; its last stderr lines:\n{tail}";
        return new WorkloadException(_command.Name, $"the program {problem}{stderr}");
    }

    private async Task PumpAsync(LineReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                await _lines.Writer.WriteAsync(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or ChannelClosedException)
        {
            // The run is over (the process object went away, or nobody reads any more): the output ends here.
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    private static string SignalOf(int code) => code switch
    {
        128 + 9 => " (killed by SIGKILL: out of memory?)",
        128 + 15 => " (killed by SIGTERM)",
        128 + 11 => " (SIGSEGV: the program crashed)",
        128 + 6 => " (SIGABRT: the program aborted)",
        _ => "",
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
