using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Web.Components.Search;

/// <summary>
/// What the table shows from the visible rows' curves: the diagnosis (when the store has none, the
/// core's CurveDiagnoser on the validation loss) and the last validation accuracy (recorded per
/// epoch, not on the trial row). One batched epoch read per page; finished trials are cached,
/// running ones re-read as they grow. The diagnosis gets the search's best validation loss as its
/// reference, as the stored one does (Data's TrialDiagnosis), so a page never calls a trial near the
/// search's best "LR too high".
/// </summary>
/// <param name="referenceBestLoss">The search's best validation loss now (null when its objective is not the loss).</param>
public sealed class CurveFactsCache(ITrialStore store, Func<double?> referenceBestLoss)
{
    private readonly Dictionary<long, (CurveDiagnosis? Diagnosis, double? Accuracy)> finished = [];
    private readonly Dictionary<long, (CurveDiagnosis? Diagnosis, double? Accuracy)> running = [];

    public CurveDiagnosis? For(TrialRow trial) => Facts(trial).Diagnosis;

    public double? AccuracyOf(TrialRow trial) => Facts(trial).Accuracy;

    private (CurveDiagnosis? Diagnosis, double? Accuracy) Facts(TrialRow trial) =>
        finished.TryGetValue(trial.Id, out var done) ? done : running.GetValueOrDefault(trial.Id);

    public async Task FillAsync(IEnumerable<TrialRow> rows)
    {
        var wanted = rows.Where(r => r.EpochsDone > 0 && !finished.ContainsKey(r.Id)).ToList();
        if (wanted.Count == 0) return;
        // Thinning keeps each series' first and last epoch, so the last accuracy is exact.
        var epochs = await store.GetEpochsAsync([.. wanted.Select(r => r.Id)], maxPointsPerTrial: 200);
        foreach (var trial in wanted)
        {
            if (!epochs.TryGetValue(trial.Id, out var points) || points.Count == 0) continue;
            var ordered = points.OrderBy(p => p.Epoch).ToList();
            var diagnosis = ordered.Count >= CurveDiagnoser.MinPoints
                ? CurveDiagnoser.Diagnose([.. ordered.Select(p => p.ValLoss)], trial.InitialLr, referenceBestLoss() is { } r && double.IsFinite(r) ? r : null)
                : null;
            (trial.State.IsFinal() ? finished : running)[trial.Id] = (diagnosis, ordered[^1].ValAccuracy);
        }
    }
}
