namespace HyperSearch.Core.Training;

/// <summary>Which trainer runs a workload.</summary>
public enum WorkloadKind
{
    /// <summary>A C# class (built in or a plug-in assembly) trained in-process by the TorchSharp trainer.</summary>
    TorchSharp,

    /// <summary>The team's own program (e.g. <c>python3 train.py</c>), started by the worker for each trial.</summary>
    Command,
}
