using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Shared;

/// <summary>One row of the compare table: a config key (or result) across trials, and whether they differ.</summary>
public sealed record DiffLine(string Key, IReadOnlyList<string> Values)
{
    public bool Differs => Values.Distinct().Count() > 1;

    public static List<DiffLine> Build(IReadOnlyList<TrialRow> trials, Func<long, string> searchName)
    {
        var configs = trials.Select(t => ConfigText.Flatten(t.Config)).ToList();
        // The LR and the decay type first: they are what a reader compares before anything else.
        var keys = configs.SelectMany(c => c.Keys).Distinct()
            .OrderBy(k => k switch { "initialLr" => 0, "decay.type" => 1, _ => 2 }).ThenBy(k => k, StringComparer.Ordinal);
        var lines = keys.Select(key => new DiffLine(key, [.. configs.Select(c => c.TryGetValue(key, out var v) ? v : "–")])).ToList();
        lines.Add(new DiffLine("search", [.. trials.Select(t => searchName(t.SearchId))]));
        lines.Add(new DiffLine("state", [.. trials.Select(t => t.State.ToString())]));
        lines.Add(new DiffLine("epochs", [.. trials.Select(t => t.EpochsDone.ToString())]));
        lines.Add(new DiffLine("best value", [.. trials.Select(t => Format.Metric(t.BestValue))]));
        lines.Add(new DiffLine("final value", [.. trials.Select(t => Format.Metric(t.FinalValue))]));
        // As the badges read it ("LR too high"), not the stored camelCase label ("tooHigh").
        lines.Add(new DiffLine("diagnosis", [.. trials.Select(t => DiagnosisText.Split(t.Diagnosis).Label is { } label ? Labels.Diagnosis(label) : "–")]));
        return lines;
    }
}
