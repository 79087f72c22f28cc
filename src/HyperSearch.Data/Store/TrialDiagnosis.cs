using System.Text.Json;
using HyperSearch.Core.Diagnosis;
using HyperSearch.Core.Searches;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace HyperSearch.Data.Store;

/// <summary>
/// The curve diagnosis stored on a finished search trial, as "label: hint" (label in camelCase,
/// e.g. "tooHigh: …"), from its validation losses and (objective valLoss) the search's best so far.
/// </summary>
internal static class TrialDiagnosis
{
    public static async Task<string?> DiagnoseAsync(HyperSearchDbContext db, TrialEntity trial, SearchEntity search, CancellationToken cancellationToken)
    {
        if (trial.Kind != TrialKind.Search || !(double.IsFinite(trial.InitialLr) && trial.InitialLr > 0)) return null;
        var losses = await db.EpochMetrics.Where(e => e.TrialId == trial.Id).OrderBy(e => e.Epoch)
            .Select(e => e.ValLoss).ToListAsync(cancellationToken);
        if (losses.Count == 0) return null;
        // The best validation loss of the search's completed trials (kept on the search row, already loaded by the caller).
        var reference = search.Objective == ObjectiveMetric.ValLoss ? search.BestValue : null;
        var diagnosis = CurveDiagnoser.Diagnose(losses.Select(EntityMapper.Metric).ToList(), trial.InitialLr,
            reference is double r && double.IsFinite(r) ? r : null);
        return $"{JsonNamingPolicy.CamelCase.ConvertName(diagnosis.Label.ToString())}: {diagnosis.Hint}";
    }
}
