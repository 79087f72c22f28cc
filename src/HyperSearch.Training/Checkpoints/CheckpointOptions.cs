namespace HyperSearch.Training.Checkpoints;

/// <summary>Where trials keep their checkpoints and how often they write one (appsettings.json <c>HyperSearch:Checkpoints</c>).</summary>
public sealed record CheckpointOptions
{
    public const string Section = "HyperSearch:Checkpoints";

    /// <summary>The store's folder; on several machines a folder they all share. Relative paths resolve against the current directory.</summary>
    public string Directory { get; init; } = "data/checkpoints";

    /// <summary>A checkpoint after every N-th epoch (and after the last one).</summary>
    public int EveryEpochs { get; init; } = 1;
}
