using System.CommandLine;

namespace HyperSearch.Cli.Commands;

// Placeholder until its issue lands: says so and exits non-zero instead of pretending to work.
public static class AskTellCommand
{
    public static Command Create()
    {
        var command = new Command("ask-tell", "Drive a sampler with JSON lines on stdin (ask/tell).");
        command.SetAction(_ =>
        {
            Console.Error.WriteLine("hypersearch ask-tell: not implemented yet");
            return 1;
        });
        return command;
    }
}
