namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// Which threads of a process keep running: Linux lists each thread under /proc/PID/task with its
/// scheduler state ('R' running or runnable). A thread seen runnable in nearly every sample over a
/// few seconds is spinning; an idle server's threads sleep. Runnable counts as busy even while it
/// waits for a CPU, so a loaded machine does not hide a spinner.
/// </summary>
internal static class ServerThreads
{
    /// <returns>"name (tid): runnable in n of m samples" for each thread runnable in ≥ 90 % of the samples.</returns>
    public static async Task<IReadOnlyList<string>> BusyAsync(int pid, TimeSpan duration, int samples = 30)
    {
        var runnable = new Dictionary<string, int>();
        for (var i = 0; i < samples; i++)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                string stat;
                try { stat = await File.ReadAllTextAsync(Path.Combine(task, "stat")); }
                catch (IOException) { continue; } // the thread ended between listing and reading
                // "tid (comm) S …": the comm may hold spaces and parentheses, so read after the last ')'.
                var close = stat.LastIndexOf(')');
                if (stat[close + 2] != 'R') continue;
                var key = $"{stat[(stat.IndexOf('(') + 1)..close]} ({Path.GetFileName(task)})";
                runnable[key] = runnable.GetValueOrDefault(key) + 1;
            }

            await Task.Delay(duration / samples);
        }

        return [.. runnable.Where(r => r.Value >= samples * 0.9).Select(r => $"{r.Key}: runnable in {r.Value} of {samples} samples")];
    }
}
