using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// What a PBT search found: every member's lineage and actual LR curve, the best member (the best
/// completed segment among those that reached the last epoch) and its discovered schedule exported as
/// an explicit <c>piecewise</c> config (<see cref="PbtScheduleExport"/>). Built from stored rows only.
/// </summary>
public sealed record PbtReport(IReadOnlyList<PbtMemberView> Members, PbtSegmentView? Best, double[]? DiscoveredLrs, TrialConfig? Exported)
{
    public static PbtReport Build(IReadOnlyList<TrialRow> trials, IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>> epochs, ObjectiveDirection direction)
    {
        var segments = trials.Where(t => t.Kind == TrialKind.Search && t.Config.Pbt is not null)
            .Select(t => new PbtSegmentView(t.Id, t.Number, t.Config.Pbt!, t.State, t.BestValue, t.InitialLr, t.DecayType))
            .ToDictionary(s => s.Number);
        var configs = trials.Where(t => t.Kind == TrialKind.Search && t.Config.Pbt is not null).ToDictionary(t => t.Number, t => t.Config);
        double? LrAt(int number, int epoch) =>
            epochs.TryGetValue(segments[number].TrialId, out var points) ? points.FirstOrDefault(p => p.Epoch == epoch)?.Lr : null;
        PbtLineage LineageOf(int number) => segments[number].Lineage;

        var members = segments.Values.GroupBy(s => s.Lineage.Member).OrderBy(g => g.Key).Select(g =>
        {
            var ordered = g.OrderBy(s => s.Lineage.Generation).ThenBy(s => s.Number).ToList();
            var lrs = new List<double>();
            foreach (var number in PbtScheduleExport.LineageOf(ordered[^1].Number, LineageOf))
            {
                var lineage = LineageOf(number);
                for (var e = lineage.StartEpoch + 1; e <= lineage.EndEpoch && LrAt(number, e) is { } lr; e++) lrs.Add(lr);
            }
            return new PbtMemberView(g.Key, ordered, lrs);
        }).ToList();

        var lastEpoch = segments.Count == 0 ? 0 : segments.Values.Max(s => s.Lineage.EndEpoch);
        var best = segments.Values
            .Where(s => s.State == TrialState.Completed && s.Value is { } v && double.IsFinite(v) && s.Lineage.EndEpoch == lastEpoch)
            .OrderBy(s => direction == ObjectiveDirection.Minimize ? s.Value : -s.Value)
            .ThenBy(s => s.Number)
            .FirstOrDefault();
        if (best is null) return new PbtReport(members, null, null, null);
        var discovered = PbtScheduleExport.DiscoveredLrs(best.Number, LineageOf, LrAt);
        return new PbtReport(members, best, discovered, PbtScheduleExport.ToPiecewise(discovered, configs[best.Number]));
    }
}
