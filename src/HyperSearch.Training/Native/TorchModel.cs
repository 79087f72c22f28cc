using System.Runtime.InteropServices;
using HyperSearch.Core.Configuration;
using HyperSearch.Training.Data;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Training.Native;

/// <summary>
/// One native model with its optimizer. Inputs cross the boundary zero-copy: spans are pinned for
/// the duration of the call and wrapped by <c>torch::from_blob</c> on the native side.
/// Not thread-safe: one trial drives one model from one thread.
/// </summary>
internal sealed unsafe class TorchModel : IDisposable
{
    private readonly ModelHandle _handle;

    private TorchModel(ModelHandle handle, ModelSpec spec)
    {
        _handle = handle;
        Spec = spec;
        Check(NativeMethods.ModelLayerCount(_handle, out var layers));
        LayerCount = layers;
    }

    public ModelSpec Spec { get; }

    public int LayerCount { get; }

    public static TorchModel Create(ModelSpec spec, string device, long seed, int threads)
    {
        var dims = spec.Dims.ToArray();
        nint raw;
        try
        {
            fixed (long* p = dims)
            {
                Check(NativeMethods.ModelCreate(
                    spec.Architecture, p, dims.Length, (int)spec.Task, device, seed, threads, out raw));
            }
        }
        catch (DllNotFoundException e)
        {
            throw new TorchException(
                "the native trainer libhypersearch_native.so (or libtorch) could not be loaded: " + e.Message, e);
        }

        // Owned from here on: if anything below fails, the native model is freed now, not at finalization.
        var handle = new ModelHandle(raw);
        try
        {
            return new TorchModel(handle, spec);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void SetOptimizer(OptimizerSpec optimizer, double lr)
    {
        Check(NativeMethods.SetOptimizer(
            _handle, (int)optimizer.Type, lr, optimizer.Momentum, optimizer.Nesterov ? 1 : 0, optimizer.WeightDecay,
            optimizer.Beta1, optimizer.Beta2, optimizer.Eps, optimizer.Alpha));
    }

    public void SetLr(double lr, ReadOnlySpan<double> layerMultipliers)
    {
        fixed (double* p = layerMultipliers)
        {
            Check(NativeMethods.SetLr(_handle, lr, p, layerMultipliers.Length));
        }
    }

    /// <summary>
    /// Chooses between the fused one-pass SGD step (the default where supported) and libtorch's own;
    /// both give identical results. Call before the first batch. Returns whether the fused one is active.
    /// </summary>
    public bool UseFusedSgd(bool enabled)
    {
        Check(NativeMethods.SetFusedSgd(_handle, enabled ? 1 : 0, out var active));
        return active != 0;
    }

    public void SetGradClip(double? maxNorm) => Check(NativeMethods.SetGradClip(_handle, maxNorm ?? 0));

    public double TrainBatch(ReadOnlySpan<float> x, ReadOnlySpan<long> labels, int n)
    {
        CheckBatch(x.Length, labels.Length, n, 1);
        fixed (float* px = x)
        fixed (long* py = labels)
        {
            Check(NativeMethods.TrainBatch(_handle, px, py, n, out var loss));
            return loss;
        }
    }

    public double TrainBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> targets, int n)
    {
        CheckBatch(x.Length, targets.Length, n, Spec.Outputs);
        fixed (float* px = x)
        fixed (float* py = targets)
        {
            Check(NativeMethods.TrainBatch(_handle, px, py, n, out var loss));
            return loss;
        }
    }

    /// <summary>Mean loss and accuracy (classification) or R² (regression) over the whole dataset.</summary>
    public (double Loss, double Metric) Evaluate(Dataset data, int chunk)
    {
        fixed (float* px = data.Features)
        fixed (long* pl = data.Labels)
        fixed (float* pt = data.Targets)
        {
            void* py = data.Task == TaskKind.Classification ? pl : pt;
            Check(NativeMethods.Evaluate(_handle, px, py, data.Count, chunk, out var loss, out var metric));
            return (loss, metric);
        }
    }

    public void Dispose() => _handle.Dispose();

    // Native code reads n rows through raw pointers: a short span would be read past its end.
    private void CheckBatch(int xLength, int yLength, int n, long yPerSample)
    {
        if (n < 1 || xLength < (long)n * Spec.InputFeatures || yLength < (long)n * yPerSample)
        {
            throw new ArgumentException(
                $"a batch of {n} needs {n} x {Spec.InputFeatures} inputs and {n} x {yPerSample} targets; got {xLength} and {yLength}");
        }
    }

    internal static void Check(int status)
    {
        if (status != (int)NativeStatus.Ok)
        {
            var message = Marshal.PtrToStringUTF8(NativeMethods.LastError()) ?? "native error";
            throw new TorchException((NativeStatus)status, message);
        }
    }
}
