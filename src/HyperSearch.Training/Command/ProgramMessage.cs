namespace HyperSearch.Training.Command;

/// <summary>One line a command workload's program printed on stdout (docs/training.md, "The protocol").</summary>
public abstract record ProgramMessage;
