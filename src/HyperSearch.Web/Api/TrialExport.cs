using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Api;

/// <summary>All trials of a search, ranked, as CSV (one row per trial, config as JSON) or JSON.</summary>
public static class TrialExport
{
    private const int PageSize = 1000;

    public static async Task<List<TrialRow>> AllRankedAsync(ITrialStore store, TrialQuery query, CancellationToken cancellationToken)
    {
        var rows = new List<TrialRow>();
        while (true)
        {
            var page = await store.GetTrialsAsync(query with { Skip = rows.Count, Take = PageSize }, cancellationToken);
            rows.AddRange(page.Items);
            if (page.Items.Count < PageSize || rows.Count >= page.Total) return rows;
        }
    }

    public static string ToCsv(IEnumerable<TrialRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendLine("rank,trialId,number,state,initialLr,decayType,optimizer,bestValue,finalValue,epochsDone,attempt,diagnosis,device,startedAt,finishedAt,config");
        var rank = 0;
        foreach (var r in rows)
        {
            rank++;
            string[] cells =
            [
                rank.ToString(CultureInfo.InvariantCulture), r.Id.ToString(CultureInfo.InvariantCulture),
                r.Number.ToString(CultureInfo.InvariantCulture), r.State.ToString(), Number(r.InitialLr), r.DecayType,
                r.OptimizerType ?? "", Number(r.BestValue), Number(r.FinalValue), r.EpochsDone.ToString(CultureInfo.InvariantCulture),
                r.Attempt.ToString(CultureInfo.InvariantCulture), r.Diagnosis ?? "", r.Device ?? "",
                r.StartedAt?.ToString("O") ?? "", r.FinishedAt?.ToString("O") ?? "",
                JsonSerializer.Serialize(r.Config, HyperJson.Options),
            ];
            csv.AppendLine(string.Join(',', cells.Select(Escape)));
        }

        return csv.ToString();
    }

    public static string ToJson(IEnumerable<TrialRow> rows) => JsonSerializer.Serialize(rows, HyperJson.Indented);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
