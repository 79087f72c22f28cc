using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class SearchCommand
{
    public static Command Create()
    {
        var command = new Command("search", "Create, list, show, cancel and export searches.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch search: not implemented yet");
            return 1;
        });
        return command;
    }
}
