using System.Globalization;
using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Hosting;

/// <summary>Human-readable output of the search commands.</summary>
public static class SearchText
{
    public static string Number(double? value) => value switch
    {
        null => "-",
        double v when double.IsNaN(v) => "NaN",
        double v => v.ToString("G6", CultureInfo.InvariantCulture),
    };

    public static void WriteSummary(TextWriter output, SearchSummary s)
    {
        output.WriteLine($"search {s.Id} '{s.Name}' ({s.Owner}): {s.State.ToString().ToLowerInvariant()}");
        output.WriteLine($"  workload {s.Workload}, {s.Strategy.ToString().ToLowerInvariant()}, objective {s.Objective} ({s.Direction.ToString().ToLowerInvariant()}), priority {s.Priority}");
        var c = s.Counts;
        output.WriteLine($"  trials {c.Total}/{s.Budget}: {c.Completed} completed, {c.Pruned} pruned, {c.Diverged} diverged, {c.Failed} failed, {c.Cancelled} cancelled, {c.Running} running, {c.Queued} queued");
        if (s.BestTrialId is not null)
            output.WriteLine($"  best trial #{s.BestTrialNumber}: {s.Objective} {Number(s.BestValue)}; test loss {Number(s.TestLoss)}, test accuracy {Number(s.TestAccuracy)}");
        if (s.Error is not null) output.WriteLine($"  note: {s.Error}");
    }

    public static void WriteTrials(TextWriter output, IReadOnlyList<TrialRow> trials, int firstRank = 1)
    {
        output.WriteLine($"{"RANK",4}  {"#",4}  {"STATE",-9}  {"INITIAL LR",11}  {"DECAY",-18}  {"EPOCHS",6}  {"BEST",10}  {"FINAL",10}  DIAGNOSIS");
        for (var i = 0; i < trials.Count; i++)
        {
            var t = trials[i];
            output.WriteLine($"{firstRank + i,4}  {t.Number,4}  {t.State.ToString().ToLowerInvariant(),-9}  {Number(t.InitialLr),11}  {t.DecayType,-18}  {t.EpochsDone,6}  {Number(t.BestValue),10}  {Number(t.FinalValue),10}  {t.Diagnosis ?? ""}");
        }
    }
}
