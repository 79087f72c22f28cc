using static TorchSharp.torch;

namespace HyperSearch.Training.Models;

/// <summary>
/// The random generator of the trial that the current thread is training. libtorch's default generator
/// is process-wide, so two trials in two slots of one worker would interleave their draws and no
/// longer follow their seeds; a random op inside a model (dropout, noise) draws from this one instead,
/// e.g. <c>torch.rand(shape, generator: TrialRandom.Current)</c>, or uses <see cref="TrialDropout"/>.
/// The trainer seeds it from the trial's seed and saves it in checkpoints.
/// </summary>
public static class TrialRandom
{
    [ThreadStatic]
    private static Generator? t_current;

    /// <summary>The training trial's generator; null outside a training step (then the default generator is used).</summary>
    public static Generator? Current => t_current;

    /// <summary>Makes <paramref name="generator"/> current on this thread until the returned scope ends.</summary>
    internal static Scope Use(Generator generator)
    {
        var previous = t_current;
        t_current = generator;
        return new Scope(previous);
    }

    internal readonly struct Scope(Generator? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
