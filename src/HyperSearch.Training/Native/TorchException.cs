namespace HyperSearch.Training.Native;

/// <summary>A failure reported by the native trainer (libtorch error, bad device, out of memory).</summary>
public sealed class TorchException : Exception
{
    public TorchException(NativeStatus status, string message)
        : base(message) => Status = status;

    public TorchException(string message, Exception inner)
        : base(message, inner) => Status = NativeStatus.Unknown;

    public NativeStatus Status { get; }
}
