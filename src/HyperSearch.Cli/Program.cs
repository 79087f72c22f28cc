using HyperSearch.Cli;

var parseResult = HyperSearchCommand.Create().Parse(args);
if (parseResult.Errors.Count > 0)
{
    // Usage errors (missing or malformed options) are bad input like any other: exit code 2.
    foreach (var error in parseResult.Errors)
    {
        Console.Error.WriteLine($"hypersearch: {error.Message}");
    }

    Console.Error.WriteLine("Run 'hypersearch <command> --help' for usage.");
    return 2;
}

return await parseResult.InvokeAsync();
