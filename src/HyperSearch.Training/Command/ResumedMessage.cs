namespace HyperSearch.Training.Command;

/// <summary><c>{"resumed": 4}</c>: before its first epoch, the program says how many epochs its checkpoint restored (0: none).</summary>
public sealed record ResumedMessage(int Epochs) : ProgramMessage;
