namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// Which thread-pool threads of a .NET process keep a CPU busy: Linux counts each thread's CPU time
/// under /proc/PID/task/TID/stat (utime + stime, in clock ticks of 10 ms). A spinning request or
/// circuit burns CPU on a thread-pool worker for the whole window, and still gets its share of a
/// loaded machine's CPUs; an idle server's workers burn next to none. CPU time, not the 'R' state:
/// a worker that merely waits for a CPU on a loaded machine is 'R' too (a CI run saw three idle ones
/// 'R' in every sample). Only pool workers: the runtime's tiered-compilation thread legitimately
/// recompiles hot code for a second or so after a page's first use.
/// </summary>
internal static class ServerThreads
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    /// <returns>"name (tid): n ms of CPU in the window" for each thread that used more than <paramref name="share"/> of one CPU.</returns>
    public static async Task<IReadOnlyList<string>> BusyAsync(int pid, TimeSpan window, double share = 0.1)
    {
        var before = CpuTicks(pid);
        await Task.Delay(window);
        var after = CpuTicks(pid);
        var busyTicks = share * window.TotalSeconds * TicksPerSecond;
        return [.. after
            .Select(t => (t.Key, Ticks: t.Value - before.GetValueOrDefault(t.Key)))
            .Where(t => t.Key.StartsWith(".NET TP Worker", StringComparison.Ordinal) && t.Ticks > busyTicks)
            .Select(t => $"{t.Key}: {t.Ticks * 1000 / TicksPerSecond:0} ms of CPU in {window.TotalMilliseconds:0} ms")];
    }

    private static Dictionary<string, long> CpuTicks(int pid)
    {
        var ticks = new Dictionary<string, long>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            string stat;
            try { stat = File.ReadAllText(Path.Combine(task, "stat")); }
            catch (IOException) { continue; } // the thread ended between listing and reading
            // "tid (comm) state ppid …": the comm may hold spaces and parentheses, so split after the last ')'.
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // After the comm: [0] state … [11] utime, [12] stime (fields 14 and 15 of proc(5)).
            ticks[$"{stat[(stat.IndexOf('(') + 1)..close]} ({Path.GetFileName(task)})"] = long.Parse(fields[11]) + long.Parse(fields[12]);
        }

        return ticks;
    }
}
