namespace HyperSearch.Training.Command;

/// <summary>A program's line that breaks the protocol; the message says what is wrong with it.</summary>
public sealed class ProtocolException(string message) : Exception(message);
