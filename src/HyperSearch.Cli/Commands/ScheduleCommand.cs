using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class ScheduleCommand
{
    public static Command Create()
    {
        var command = new Command("schedule", "Print the learning rates a trial config's schedule produces.");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch schedule: not implemented yet");
            return 1;
        });
        return command;
    }
}
