namespace HyperSearch.Training.Runtime;

/// <summary>libtorch failed below the trainer: the native runtime did not load, or a tensor operation failed.</summary>
public sealed class TorchException(string message, Exception? inner = null) : Exception(message, inner);
