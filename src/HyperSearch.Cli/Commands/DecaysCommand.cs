using System.CommandLine;
using HyperSearch.Core.Json;
using HyperSearch.Core.Schedules.Decays;
using HyperSearch.Core.Searches;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch decays [--epochs N]</c>: prints every decay type's default search ranges as a
/// space's <c>"decay"</c> object (the same ones the launch form and <c>GET /api/decays/defaults</c> show).
/// </summary>
public static class DecaysCommand
{
    public static Command Create()
    {
        var epochs = new Option<int?>("--epochs") { Description = "Run length the ranges scale to (tMax, step sizes, milestones, …); leave out when unknown." };
        var command = new Command("decays", "Print the default search range of every decay parameter.");
        command.Options.Add(epochs);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(epochs);
            if (n is < 1 or > SearchSpecValidator.MaxEpochs)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--epochs: must be from 1 to {SearchSpecValidator.MaxEpochs}; got {n}");
                return 2;
            }
            parse.InvocationConfiguration.Output.WriteLine(DecayCatalog.DefaultRanges(n).ToJsonString(HyperJson.Indented));
            return 0;
        });
        return command;
    }
}
