using System.Runtime.InteropServices;

namespace HyperSearch.Training.Native;

/// <summary>The C ABI of native/hypersearch_native.h; keep the two in step.</summary>
internal static unsafe partial class NativeMethods
{
    public const string LibraryName = "hypersearch_native";

    // A const char* owned by the library: declared nint so the marshaller never frees it.
    [LibraryImport(LibraryName, EntryPoint = "hs_last_error")]
    public static partial nint LastError();

    [LibraryImport(LibraryName, EntryPoint = "hs_cuda_device_count")]
    public static partial int CudaDeviceCount(out int count);

    [LibraryImport(LibraryName, EntryPoint = "hs_model_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ModelCreate(
        string arch, long* dims, int ndims, int lossKind, string device, long seed, int threads, out nint model);

    [LibraryImport(LibraryName, EntryPoint = "hs_model_free")]
    public static partial void ModelFree(nint model);

    [LibraryImport(LibraryName, EntryPoint = "hs_model_layer_count")]
    public static partial int ModelLayerCount(ModelHandle model, out int count);

    [LibraryImport(LibraryName, EntryPoint = "hs_set_optimizer")]
    public static partial int SetOptimizer(
        ModelHandle model, int type, double lr, double momentum, int nesterov, double weightDecay,
        double beta1, double beta2, double eps, double alpha);

    [LibraryImport(LibraryName, EntryPoint = "hs_set_lr")]
    public static partial int SetLr(ModelHandle model, double lr, double* multipliers, int count);

    [LibraryImport(LibraryName, EntryPoint = "hs_set_fused_sgd")]
    public static partial int SetFusedSgd(ModelHandle model, int enabled, out int active);

    [LibraryImport(LibraryName, EntryPoint = "hs_set_grad_clip")]
    public static partial int SetGradClip(ModelHandle model, double maxNorm);

    [LibraryImport(LibraryName, EntryPoint = "hs_train_batch")]
    public static partial int TrainBatch(ModelHandle model, float* x, void* y, long n, out double loss);

    [LibraryImport(LibraryName, EntryPoint = "hs_evaluate")]
    public static partial int Evaluate(
        ModelHandle model, float* x, void* y, long n, long chunk, out double loss, out double metric);
}
