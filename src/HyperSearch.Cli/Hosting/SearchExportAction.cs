using HyperSearch.Core.Searches;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Cli.Hosting;

/// <summary><c>search export id --format csv|json [-o file]</c>: the ranked trials (best validation value first).</summary>
public static class SearchExportAction
{
    public static Task<int> RunAsync(long id, string format, FileInfo? outputFile, CliConsole console, CancellationToken cancellationToken) =>
        CliGuard.RunAsync(console, async () =>
        {
            await using var services = await CliServices.CreateAsync(console.Configuration(), cancellationToken);
            var store = services.GetRequiredService<ITrialStore>();
            var detail = await store.GetSearchAsync(id, cancellationToken);
            if (detail is null) return SearchReadActions.NotFound(console, id);
            var trials = await store.GetAllTrialsAsync(new TrialQuery { SearchId = id }, cancellationToken);
            var text = format == "csv" ? TrialExport.ToCsv(trials) : TrialExport.ToJson(detail.Summary, trials);
            if (outputFile is null) console.Output.Write(text);
            else await File.WriteAllTextAsync(outputFile.FullName, text, cancellationToken);
            return CliConsole.Ok;
        });
}
