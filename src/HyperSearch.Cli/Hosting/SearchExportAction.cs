using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary><c>search export id --format csv|json [-o file]</c>: the ranked trials (best validation value first).</summary>
public static class SearchExportAction
{
    private static readonly string[] Columns =
    [
        "rank", "number", "state", "initialLr", "decayType", "optimizer", "batchSize", "warmupSteps", "epochsDone",
        "bestValue", "finalValue", "testLoss", "testAccuracy", "attempt", "diagnosis", "error", "config",
    ];

    public static Task<int> RunAsync(long id, string format, FileInfo? outputFile, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            await using var services = await CliServices.CreateAsync(console.Configuration(), cancellationToken);
            var store = services.GetRequiredService<ITrialStore>();
            var detail = await store.GetSearchAsync(id, cancellationToken);
            if (detail is null) return SearchReadActions.NotFound(console, id);
            var trials = await RankedTrials.AllAsync(store, id, cancellationToken);
            var text = format == "csv" ? Csv(trials) : Json(detail.Summary, trials);
            if (outputFile is null) console.Output.Write(text);
            else await File.WriteAllTextAsync(outputFile.FullName, text, cancellationToken);
            return CliConsole.Ok;
        });

    private static string Json(SearchSummary search, IReadOnlyList<TrialRow> trials)
    {
        var ranked = new JsonArray();
        for (var i = 0; i < trials.Count; i++)
        {
            var node = JsonSerializer.SerializeToNode(trials[i], HyperJson.Options)!.AsObject();
            node.Insert(0, "rank", i + 1);
            ranked.Add(node);
        }
        var document = new JsonObject { ["search"] = JsonSerializer.SerializeToNode(search, HyperJson.Options), ["trials"] = ranked };
        return document.ToJsonString(HyperJson.Indented) + Environment.NewLine;
    }

    private static string Csv(IReadOnlyList<TrialRow> trials)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns));
        for (var i = 0; i < trials.Count; i++)
        {
            var t = trials[i];
            string[] cells =
            [
                (i + 1).ToString(CultureInfo.InvariantCulture), t.Number.ToString(CultureInfo.InvariantCulture),
                t.State.ToString().ToLowerInvariant(), Num(t.InitialLr), t.DecayType, t.OptimizerType ?? "",
                t.BatchSize?.ToString(CultureInfo.InvariantCulture) ?? "", t.WarmupSteps?.ToString(CultureInfo.InvariantCulture) ?? "",
                t.EpochsDone.ToString(CultureInfo.InvariantCulture), Num(t.BestValue), Num(t.FinalValue), Num(t.TestLoss),
                Num(t.TestAccuracy), t.Attempt.ToString(CultureInfo.InvariantCulture), t.Diagnosis ?? "", t.Error ?? "",
                JsonSerializer.Serialize(t.Config, HyperJson.Options),
            ];
            csv.AppendLine(string.Join(',', cells.Select(Quote)));
        }
        return csv.ToString();
    }

    private static string Num(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
