using TorchSharp;

namespace HyperSearch.Training.Runtime;

/// <summary>
/// Scalars the trainer passes to libtorch where TorchSharp's convenience overloads would convert one
/// implicitly (<c>a + b</c> is <c>a.add(b, alpha: 1)</c>). An implicitly converted Scalar can be
/// finalized by another thread's garbage collection while libtorch still reads it; these are rooted
/// in static fields for the life of the process, so they never are.
/// ScalarLifetimeTests reads the trainer's IL and fails on any implicit conversion that remains.
/// </summary>
internal static class NativeScalars
{
    public static readonly Scalar One = 1.0.ToScalar();
}
