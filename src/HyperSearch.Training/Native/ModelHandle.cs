using System.Runtime.InteropServices;

namespace HyperSearch.Training.Native;

/// <summary>Owns one native model; freed exactly once, even if the owner forgets to dispose.</summary>
internal sealed class ModelHandle : SafeHandle
{
    public ModelHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public ModelHandle(nint handle)
        : this() => SetHandle(handle);

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.ModelFree(handle);
        return true;
    }
}
