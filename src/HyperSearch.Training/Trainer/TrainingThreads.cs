using System.Collections.Concurrent;

namespace HyperSearch.Training.Trainer;

/// <summary>
/// Long-lived threads that training runs take turns on, one run per thread at a time; a thread goes
/// back to the idle set when its run ends and is reused by the next. A fresh OS thread per trial
/// leaked native memory: libtorch's BLAS (MKL) and OpenMP keep per-thread buffers and pools that a
/// thread's exit does not release, so a worker's resident size grew with every trial. With reuse
/// the threads (at most as many as runs ever ran at once) keep their buffers, and growth stops.
/// </summary>
internal static class TrainingThreads
{
    private static readonly ConcurrentBag<Runner> Idle = [];

    public static Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Idle.TryTake(out var runner))
        {
            runner = new Runner();
        }

        runner.Post(() =>
        {
            T result = default!;
            Exception? error = null;
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                error = e;
            }

            // Back to the idle set before the caller resumes, so its next run can take this thread.
            Idle.Add(runner);
            if (error is null)
            {
                done.SetResult(result);
            }
            else
            {
                done.SetException(error);
            }
        });
        return done.Task;
    }

    private sealed class Runner
    {
        private readonly BlockingCollection<Action> _work = new();

        public Runner()
        {
            new Thread(() =>
            {
                foreach (var action in _work.GetConsumingEnumerable())
                {
                    action();
                }
            })
            { IsBackground = true, Name = "hypersearch-training" }.Start();
        }

        public void Post(Action action) => _work.Add(action);
    }
}
