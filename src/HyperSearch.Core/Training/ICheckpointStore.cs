namespace HyperSearch.Core.Training;

/// <summary>
/// The trial checkpoints as the worker sees them: it names a trial's checkpoint in the
/// <see cref="TrainingRequest"/> (<see cref="KeyOf"/>) and deletes those of finished trials, except
/// the search's best trial's, which stays downloadable.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The checkpoint key of a queued trial.</summary>
    static string KeyOf(long trialId) => $"trial-{trialId}";

    bool Exists(string key);

    /// <summary>The checkpoint file, for download.</summary>
    string PathOf(string key);

    void Delete(string key);

    /// <summary>Records <paramref name="trialId"/> as the search's kept checkpoint; returns the trial kept before (or null).</summary>
    long? SwapKept(long searchId, long trialId);
}
