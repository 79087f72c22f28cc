using System.CommandLine;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Cli.Commands;

/// <summary>
/// <c>hypersearch ask-tell</c>: drives a sampler with JSON lines on stdin so any external objective
/// (a script, a benchmark) can use it. See docs/search-space.md for the protocol.
/// </summary>
public static class AskTellCommand
{
    public static Command Create()
    {
        var space = new Option<FileInfo>("--space") { Description = "Search space JSON file.", Required = true };
        var strategy = new Option<string>("--strategy") { Description = "grid, random or tpe.", DefaultValueFactory = _ => "tpe" };
        strategy.AcceptOnlyFromAmong("grid", "random", "tpe");
        var seed = new Option<int>("--seed") { Description = "Seed of the sampler's randomness.", DefaultValueFactory = _ => 0 };
        var gridPoints = new Option<int>("--grid-points") { Description = "Points per numeric range (grid).", DefaultValueFactory = _ => 3 };
        var direction = new Option<string>("--direction") { Description = "minimize or maximize the told values.", DefaultValueFactory = _ => "minimize" };
        direction.AcceptOnlyFromAmong("minimize", "maximize");

        var command = new Command("ask-tell", "Drive a sampler with JSON lines on stdin (ask/tell).")
        {
            space, strategy, seed, gridPoints, direction,
        };
        command.SetAction(parse => Run(
            new AskTellOptions(
                parse.GetValue(space)!.FullName,
                Enum.Parse<SearchStrategy>(parse.GetValue(strategy)!, ignoreCase: true),
                parse.GetValue(seed),
                parse.GetValue(gridPoints),
                Enum.Parse<ObjectiveDirection>(parse.GetValue(direction)!, ignoreCase: true)),
            Console.In, Console.Out, Console.Error));
        return command;
    }

    /// <returns>0 at end of input; 2 when the space file or an option is invalid.</returns>
    internal static int Run(AskTellOptions options, TextReader input, TextWriter output, TextWriter error)
    {
        if (options.GridPoints is < 1 or > GridSampler.MaxPointsPerRange)
        {
            error.WriteLine($"--grid-points: must be from 1 to {GridSampler.MaxPointsPerRange}");
            return 2;
        }
        string json;
        try
        {
            json = File.ReadAllText(options.SpacePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--space: cannot read {options.SpacePath}: {e.Message}");
            return 2;
        }
        var (space, errors) = SearchSpaceJson.Parse(json);
        if (space is null)
        {
            foreach (var e in errors)
            {
                error.WriteLine(e);
            }
            return 2;
        }
        if (options.Strategy == SearchStrategy.Grid)
        {
            error.WriteLine($"grid: {GridSampler.Count(space, options.GridPoints)} trials");
        }
        var sampler = SamplerFactory.Create(options.Strategy, options.GridPoints);
        var session = new AskTellSession(space, sampler, options.Seed, options.Direction);
        while (input.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            output.WriteLine(session.Handle(line));
            output.Flush();
        }
        return 0;
    }
}
