using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class LrFindCommand
{
    public static Command Create()
    {
        var command = new Command("lr-find", "Run the LR range test on a workload.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch lr-find: not implemented yet");
            return 1;
        });
        return command;
    }
}
