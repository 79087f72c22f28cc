namespace HyperSearch.Training.Native;

/// <summary>Status codes of the C ABI (HS_OK, HS_ERR_* in hypersearch_native.h).</summary>
public enum NativeStatus
{
    Ok = 0,
    InvalidArgument = 1,
    Device = 2,
    State = 3,
    Torch = 4,
    OutOfMemory = 5,
    Unknown = 6,
}
