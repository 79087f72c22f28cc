namespace HyperSearch.Core.Schedules;

/// <summary>A scheduler that can follow a warmup: SequentialLR restarts it at its milestone.</summary>
internal interface ISequentialLrScheduler : ILrScheduler
{
    /// <summary>What SequentialLR does at the milestone (<c>scheduler.step(0)</c>).</summary>
    void RestartAtZero();

    /// <summary>SequentialLR's constructor decrements every scheduler's <c>last_epoch</c>.</summary>
    int LastEpoch { get; set; }
}
