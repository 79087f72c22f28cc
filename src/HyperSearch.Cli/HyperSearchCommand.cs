using System.CommandLine;
using HyperSearch.Cli.Commands;

namespace HyperSearch.Cli;

/// <summary>The root <c>hypersearch</c> command; each sub-command lives in its own file under Commands/.</summary>
public static class HyperSearchCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("HyperSearch: learning-rate hyperparameter search on a shared device queue.");
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(SlurmCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ScheduleCommand.Create());
        root.Subcommands.Add(DecaysCommand.Create());
        root.Subcommands.Add(TrialCommand.Create());
        root.Subcommands.Add(WorkloadsCommand.Create());
        root.Subcommands.Add(LrFindCommand.Create());
        root.Subcommands.Add(AskTellCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(TeamCommand.Create());
        return root;
    }
}
