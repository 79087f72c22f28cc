using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Run a standalone worker that claims trials from the shared queue.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch worker: not implemented yet");
            return 1;
        });
        return command;
    }
}
