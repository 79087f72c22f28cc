namespace HyperSearch.Training.Command;

/// <summary>
/// The worker's note in a command run's folder (<c>run.json</c>): which run the program's checkpoint
/// belongs to (its files are never handed to a run of another workload, seed or config) and the epochs
/// reported so far, whose validation losses replay <c>reduceOnPlateau</c> and whose times continue
/// the elapsed clock when the program resumes.
/// </summary>
public sealed record TrialFolderMeta(string Workload, int Seed, string ConfigJson, IReadOnlyList<RecordedEpoch> Epochs);
