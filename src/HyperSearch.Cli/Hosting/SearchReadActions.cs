using System.Text.Json;
using System.Text.Json.Nodes;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary><c>search list</c>, <c>search show</c>, <c>search cancel</c>.</summary>
public static class SearchReadActions
{
    public static Task<int> ListAsync(CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            await using var services = await CliServices.CreateAsync(console.Configuration(), cancellationToken);
            WriteTable(console, await services.GetRequiredService<ITrialStore>().ListSearchesAsync(0, 1000, cancellationToken: cancellationToken));
            return CliConsole.Ok;
        });

    internal static void WriteTable(CliConsole console, IEnumerable<SearchSummary> searches)
    {
        console.Output.WriteLine($"{"ID",5}  {"NAME",-24}  {"TEAM",-10}  {"OWNER",-10}  {"WORKLOAD",-14}  {"STATE",-10}  {"DONE",9}  {"RUN",3}  {"BEST",10}  CREATED");
        foreach (var s in searches)
        {
            console.Output.WriteLine($"{s.Id,5}  {Clip(s.Name, 24),-24}  {Clip(s.TeamName, 10),-10}  {Clip(s.Owner, 10),-10}  {Clip(s.Workload, 14),-14}  {s.State.ToString().ToLowerInvariant(),-10}  {$"{s.Counts.Finished}/{s.Budget}",9}  {s.Counts.Running,3}  {SearchText.Number(s.BestValue),10}  {s.CreatedAt:yyyy-MM-dd HH:mm}");
        }
    }

    public static Task<int> ShowAsync(long id, bool json, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            await using var services = await CliServices.CreateAsync(console.Configuration(), cancellationToken);
            var store = services.GetRequiredService<ITrialStore>();
            var detail = await store.GetSearchAsync(id, cancellationToken);
            if (detail is null) return NotFound(console, id);
            if (!json)
            {
                SearchText.WriteSummary(console.Output, detail.Summary);
                var top = await store.GetTrialsAsync(new TrialQuery { SearchId = id, Take = 10 }, cancellationToken);
                console.Output.WriteLine();
                SearchText.WriteTrials(console.Output, top.Items);
                return CliConsole.Ok;
            }
            var trials = await store.GetAllTrialsAsync(new TrialQuery { SearchId = id }, cancellationToken);
            var spec = JsonSerializer.SerializeToNode(detail.Spec, HyperJson.Options)!.AsObject();
            spec.Remove("spaceJson");
            spec["space"] = JsonNode.Parse(detail.Spec.SpaceJson);
            var document = new JsonObject
            {
                ["search"] = JsonSerializer.SerializeToNode(detail.Summary, HyperJson.Options),
                ["spec"] = spec,
                ["trials"] = JsonSerializer.SerializeToNode(trials, HyperJson.Options),
            };
            console.Output.WriteLine(document.ToJsonString(HyperJson.Indented));
            return CliConsole.Ok;
        });

    public static Task<int> CancelAsync(long id, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            await using var services = await CliServices.CreateAsync(console.Configuration(), cancellationToken);
            var store = services.GetRequiredService<ITrialStore>();
            if (await store.CancelSearchAsync(id, cancellationToken))
            {
                console.Output.WriteLine($"search {id} cancelled");
                return CliConsole.Ok;
            }
            var detail = await store.GetSearchAsync(id, cancellationToken);
            if (detail is null) return NotFound(console, id);
            console.Error.WriteLine($"search {id}: already {detail.Summary.State.ToString().ToLowerInvariant()}, nothing to cancel");
            return CliConsole.InputError;
        });

    internal static int NotFound(CliConsole console, long id)
    {
        console.Error.WriteLine($"id: no search {id} (see 'hypersearch search list')");
        return CliConsole.InputError;
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
