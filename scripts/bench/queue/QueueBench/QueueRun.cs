using System.Diagnostics;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace QueueBench;

/// <summary>
/// Claim→start overhead and slot utilisation: N real worker processes (hypersearch worker, fake
/// sleeping trainer) drain a backlog (a search whose budget is several trials per slot). From the
/// store's timestamps, per slot: overhead = next trial's start − previous trial's finish (finish
/// write, claim/ask transaction, sampler: the slot's idle time); utilisation = Σ trial time /
/// (Σ trial time + Σ idle gaps), i.e. per slot from its first start to its last finish.
/// </summary>
public static class QueueRun
{
    public static async Task<string> RunAsync(string provider, string? pgAdmin, string cliDll, int workers, int slots, int trialsPerSlot, int epochs, int epochMs)
    {
        await using var db = await BenchDatabase.CreateAsync(provider, pgAdmin);
        var store = db.Services.GetRequiredService<ITrialStore>();
        var totalSlots = workers * slots;
        var budget = totalSlots * trialsPerSlot;
        var id = await store.CreateSearchAsync(new SearchSpec
        {
            Name = "bench", Workload = "sleep", Strategy = SearchStrategy.Random, SpaceJson = "{}",
            Budget = budget, Parallelism = totalSlots, Epochs = epochs, Seed = 1,
        });

        await ClaimLog.InstallAsync(db);
        var processes = Enumerable.Range(0, workers).Select(_ => StartWorker(cliDll, db, slots, epochMs)).ToList();
        var clock = Stopwatch.StartNew();
        // Every slot runs trialsPerSlot trials back to back; five times that plus 5 minutes (16 worker
        // processes starting at once on a loaded 2-core machine) is a hang.
        var limit = TimeSpan.FromMilliseconds(5.0 * trialsPerSlot * epochs * epochMs) + TimeSpan.FromMinutes(5);
        try
        {
            while ((await store.GetSearchAsync(id))!.Summary.State != SearchState.Completed)
            {
                if (clock.Elapsed > limit) throw new TimeoutException($"the bench search did not complete in {limit}");
                await Task.Delay(500);
            }
        }
        finally
        {
            foreach (var p in processes)
            {
                p.Kill(entireProcessTree: true);
                await p.WaitForExitAsync();
            }
        }

        await using var ctx = await db.Factory.CreateDbContextAsync();
        var trials = await ctx.Trials.AsNoTracking().Where(t => t.SearchId == id && t.Kind == TrialKind.Search)
            .Select(t => new { t.WorkerId, t.Device, t.Slot, t.StartedAt, t.FinishedAt }).ToListAsync();
        var all = new Stats();
        var steady = new Stats();
        foreach (var slot in trials.GroupBy(t => (t.WorkerId, t.Device, t.Slot)))
        {
            var ordered = slot.OrderBy(t => t.StartedAt).ToList();
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
                Console.Error.WriteLine($"{slot.Key}: gaps " + string.Join(" ", ordered.Skip(1).Select((t, i) => (t.StartedAt!.Value - ordered[i].FinishedAt!.Value).TotalMilliseconds.ToString("F0"))));
            for (var i = 0; i < ordered.Count; i++)
            {
                var busy = (ordered[i].FinishedAt!.Value - ordered[i].StartedAt!.Value).TotalMilliseconds;
                var gap = i == 0 ? (double?)null : (ordered[i].StartedAt!.Value - ordered[i - 1].FinishedAt!.Value).TotalMilliseconds;
                all.Add(busy, gap);
                // Steady state: after each slot's first WarmupTrials trials (the process JIT-compiles its code and EF queries then).
                if (i >= WarmupTrials) steady.Add(busy, i == WarmupTrials ? null : gap);
            }
        }
        var trialMs = epochs * epochMs;
        var row = $"| {provider} | {workers} × {slots} | {budget} × {trialMs} ms | {steady.Mean:F1} | {steady.Percentile(0.5):F1} | {steady.Percentile(0.95):F1} | {steady.Utilisation:F2} % | {all.Mean:F1} | {all.Utilisation:F2} % |";
        Console.Error.WriteLine(row); // kept even if the check below fails
        return $"{row} {await ClaimLog.CheckAsync(db, id, budget)} |";
    }

    private const int WarmupTrials = 3;

    private sealed class Stats
    {
        private readonly List<double> _gaps = [];
        private double _busy;
        private double _idle;

        public void Add(double busy, double? gapBefore)
        {
            _busy += busy;
            if (gapBefore is double g)
            {
                _gaps.Add(g);
                _idle += g;
            }
        }

        public double Mean => _gaps.Count == 0 ? double.NaN : _gaps.Average();
        public double Utilisation => 100 * _busy / (_busy + _idle);

        public double Percentile(double q)
        {
            if (_gaps.Count == 0) return double.NaN;
            var sorted = _gaps.Order().ToList();
            return sorted[(int)Math.Round(q * (sorted.Count - 1))];
        }
    }

    private static Process StartWorker(string cliDll, BenchDatabase db, int slots, int epochMs)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(cliDll);
        foreach (var a in new[] { "worker", "--devices", $"cpu:{slots}", "--db", db.ConnectionString }) info.ArgumentList.Add(a);
        info.Environment["HyperSearch__Worker__Trainer"] = "fake";
        info.Environment["HyperSearch__Worker__Sampler"] = "fake";
        info.Environment["HyperSearch__Worker__Fake__EpochMilliseconds"] = epochMs.ToString();
        info.Environment["HyperSearch__Worker__PollMilliseconds"] = "100";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[worker {process.Id}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
