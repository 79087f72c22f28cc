using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Json;

namespace HyperSearch.Core.Searches;

/// <summary>
/// The ranked trials of a search as CSV or JSON. One format for the REST API and the CLI, so a file
/// exported from either reads the same way in a notebook.
/// </summary>
public static class TrialExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "rank", "trialId", "number", "state", "initialLr", "decayType", "optimizer", "batchSize", "warmupSteps",
        "epochsDone", "bestValue", "finalValue", "testLoss", "testAccuracy", "attempt", "diagnosis", "device",
        "startedAt", "finishedAt", "error", "tags", "notes", "config",
    ];

    /// <summary>The per-epoch export (<c>epochs=true</c>): one row per trial and epoch, ranked trials in order.</summary>
    public static readonly IReadOnlyList<string> EpochColumns =
        ["rank", "trialId", "number", "epoch", "trainLoss", "valLoss", "valAccuracy", "lr", "elapsedSeconds", "attempt"];

    /// <summary>
    /// The fixed <see cref="Columns"/>, with one column per decay parameter of the exported trials
    /// ("step.gamma", "cosine.tMax", …; blank for trials of other types) before the full config JSON,
    /// so a notebook can plot a decay parameter without parsing JSON.
    /// </summary>
    public static string ToCsv(IReadOnlyList<TrialRow> rankedTrials)
    {
        var decays = rankedTrials.Select(t => DecayCells(t.Config)).ToList();
        var decayColumns = decays.SelectMany(d => d.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', [.. Columns.Take(Columns.Count - 1), .. decayColumns, Columns[^1]]));
        for (var i = 0; i < rankedTrials.Count; i++)
        {
            var t = rankedTrials[i];
            string[] cells =
            [
                Int(i + 1), t.Id.ToString(CultureInfo.InvariantCulture), Int(t.Number), JsonNamingPolicy.CamelCase.ConvertName(t.State.ToString()),
                Number(t.InitialLr), t.DecayType, t.OptimizerType ?? "", Int(t.BatchSize), Int(t.WarmupSteps),
                Int(t.EpochsDone), Number(t.BestValue), Number(t.FinalValue), Number(t.TestLoss), Number(t.TestAccuracy),
                Int(t.Attempt), t.Diagnosis ?? "", t.Device ?? "", t.StartedAt?.ToString("O") ?? "", t.FinishedAt?.ToString("O") ?? "",
                t.Error ?? "", string.Join(' ', t.Tags), t.Notes, .. decayColumns.Select(c => decays[i].GetValueOrDefault(c, "")), JsonSerializer.Serialize(t.Config, HyperJson.Options),
            ];
            csv.AppendLine(string.Join(',', cells.Select(Quote)));
        }

        return csv.ToString();
    }

    /// <summary>
    /// <c>{ "search": {…}, "trials": [ { "rank": 1, … }, … ] }</c>; with <paramref name="epochs"/> each
    /// trial also holds <c>"epochs": [ { "epoch": 1, "trainLoss": …, "valLoss": …, … }, … ]</c>.
    /// </summary>
    public static string ToJson(SearchSummary search, IReadOnlyList<TrialRow> rankedTrials, IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>>? epochs = null)
    {
        var ranked = new JsonArray();
        for (var i = 0; i < rankedTrials.Count; i++)
        {
            var node = JsonSerializer.SerializeToNode(rankedTrials[i], HyperJson.Options)!.AsObject();
            node.Insert(0, "rank", i + 1);
            if (epochs is not null)
            {
                node["epochs"] = new JsonArray([.. epochs.GetValueOrDefault(rankedTrials[i].Id, []).OrderBy(e => e.Epoch).Select(e => (JsonNode)new JsonObject
                {
                    ["epoch"] = e.Epoch,
                    ["trainLoss"] = JsonSerializer.SerializeToNode(e.TrainLoss, HyperJson.Options),
                    ["valLoss"] = JsonSerializer.SerializeToNode(e.ValLoss, HyperJson.Options),
                    ["valAccuracy"] = JsonSerializer.SerializeToNode(e.ValAccuracy, HyperJson.Options),
                    ["lr"] = JsonSerializer.SerializeToNode(e.Lr, HyperJson.Options),
                    ["elapsedSeconds"] = e.ElapsedSeconds,
                    ["attempt"] = e.Attempt,
                })]);
            }

            ranked.Add(node);
        }

        var document = new JsonObject { ["search"] = JsonSerializer.SerializeToNode(search, HyperJson.Options), ["trials"] = ranked };
        return document.ToJsonString(HyperJson.Indented) + Environment.NewLine;
    }

    /// <summary>Per-epoch history as CSV (<see cref="EpochColumns"/>); NaN and ±Infinity written by name.</summary>
    public static string EpochsToCsv(IReadOnlyList<TrialRow> rankedTrials, IReadOnlyDictionary<long, IReadOnlyList<EpochPoint>> epochs)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', EpochColumns));
        for (var i = 0; i < rankedTrials.Count; i++)
        {
            var t = rankedTrials[i];
            foreach (var e in epochs.GetValueOrDefault(t.Id, []).OrderBy(e => e.Epoch))
            {
                csv.AppendLine(string.Join(',', Int(i + 1), t.Id.ToString(CultureInfo.InvariantCulture), Int(t.Number), Int(e.Epoch),
                    Number(e.TrainLoss), Number(e.ValLoss), Number(e.ValAccuracy), Number(e.Lr), Number(e.ElapsedSeconds), Int(e.Attempt)));
            }
        }

        return csv.ToString();
    }

    /// <summary>"step.gamma" → "0.5" for the trial's decay parameters (lists such as milestones as JSON).</summary>
    private static Dictionary<string, string> DecayCells(Configuration.TrialConfig config)
    {
        var decay = JsonSerializer.SerializeToNode(config.Decay, HyperJson.Options) as JsonObject ?? [];
        return decay.Where(p => p.Key != "type").ToDictionary(
            p => $"{config.Decay.Type}.{p.Key}",
            p => p.Value is JsonValue v && v.TryGetValue<double>(out var number) ? number.ToString("R", CultureInfo.InvariantCulture) : p.Value?.ToJsonString() ?? "");
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
