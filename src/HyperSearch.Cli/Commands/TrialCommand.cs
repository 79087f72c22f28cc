using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class TrialCommand
{
    public static Command Create()
    {
        var command = new Command("trial", "Run a single trial.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch trial: not implemented yet");
            return 1;
        });
        return command;
    }
}
