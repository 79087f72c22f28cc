using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Web.Components.Search;

/// <summary>
/// Curve diagnoses for the table's visible rows. The store's TrialRow.Diagnosis is used when set;
/// otherwise the core's CurveDiagnoser runs on the validation loss (one batched epoch read per page);
/// finished trials are cached, running ones re-diagnosed as they grow.
/// </summary>
public sealed class DiagnosisCache(ITrialStore store)
{
    private readonly Dictionary<long, CurveDiagnosis> finished = [];
    private readonly Dictionary<long, CurveDiagnosis> running = [];

    public CurveDiagnosis? For(TrialRow trial) =>
        finished.GetValueOrDefault(trial.Id) ?? running.GetValueOrDefault(trial.Id);

    public async Task FillAsync(IEnumerable<TrialRow> rows)
    {
        var wanted = rows.Where(r => r.EpochsDone >= CurveDiagnoser.MinPoints && !finished.ContainsKey(r.Id)).ToList();
        if (wanted.Count == 0) return;
        var epochs = await store.GetEpochsAsync([.. wanted.Select(r => r.Id)], maxPointsPerTrial: 200);
        foreach (var trial in wanted)
        {
            if (!epochs.TryGetValue(trial.Id, out var points) || points.Count < CurveDiagnoser.MinPoints) continue;
            var diagnosis = CurveDiagnoser.Diagnose([.. points.OrderBy(p => p.Epoch).Select(p => p.ValLoss)], trial.InitialLr);
            (trial.State.IsFinal() ? finished : running)[trial.Id] = diagnosis;
        }
    }
}
