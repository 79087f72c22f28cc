using HyperSearch.Cli;

return await HyperSearchCommand.Create().Parse(args).InvokeAsync();
