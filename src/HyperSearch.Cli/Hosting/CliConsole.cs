using Microsoft.Extensions.Configuration;

namespace HyperSearch.Cli.Hosting;

/// <summary>Where a search command writes and which database it uses (--db over config).</summary>
public sealed record CliConsole(TextWriter Output, TextWriter Error, string? Db)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int InputError = 2;

    public IConfiguration Configuration() => CliConfiguration.Build(CliConfiguration.DatabaseSwitch(Db));
}
