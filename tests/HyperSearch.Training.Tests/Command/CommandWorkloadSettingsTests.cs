using HyperSearch.Core.Settings;
using HyperSearch.Training.Command;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Training.Tests.Command;

public sealed class CommandWorkloadSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private const string First = "HyperSearch:Workloads:Commands:0";

    [Fact]
    public void Read_FullEntry_IsTheCommand()
    {
        var commands = CommandWorkloadSettings.Read(Configuration(
            ($"{First}:Name", "pytorch-simple"),
            ($"{First}:Description", "Optuna's pytorch_simple"),
            ($"{First}:Executable", "/usr/bin/python3"),
            ($"{First}:Arguments:0", "train.py"),
            ($"{First}:Arguments:1", "--fast"),
            ($"{First}:WorkingDirectory", "/srv/models"),
            ($"{First}:Environment:PYTHONPATH", "/srv/lib"),
            ($"{First}:EpochTimeoutSeconds", "90"),
            ($"{First}:StopGraceSeconds", "2.5")), []);

        var command = Assert.Single(commands);
        Assert.Equal(("pytorch-simple", "Optuna's pytorch_simple", "/usr/bin/python3", "/srv/models", First),
            (command.Name, command.Description, command.Executable, command.WorkingDirectory, command.Source));
        Assert.Equal(["train.py", "--fast"], command.Arguments);
        Assert.Equal("/srv/lib", command.Environment["PYTHONPATH"]);
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(2.5)), (command.EpochTimeout, command.StopGrace));
        Assert.Equal("/usr/bin/python3 train.py --fast", command.CommandLine);
    }

    [Fact]
    public void Read_NoSection_NoCommands()
    {
        Assert.Empty(CommandWorkloadSettings.Read(Configuration(), []));
    }

    [Fact]
    public void Read_MinimalEntry_TakesTheDefaults()
    {
        var command = Assert.Single(CommandWorkloadSettings.Read(Configuration(($"{First}:Name", "mine"), ($"{First}:Executable", "./train.sh")), []));

        Assert.Equal(("your own program: train.sh", TimeSpan.FromHours(1), TimeSpan.FromSeconds(10)), (command.Description, command.EpochTimeout, command.StopGrace));
        Assert.Empty(command.Arguments);
    }

    [Fact]
    public void Read_EveryMistake_OneLineEachNamingTheKey()
    {
        var error = Assert.Throws<SettingsException>(() => CommandWorkloadSettings.Read(Configuration(
            ($"{First}:Executeable", "/usr/bin/python3"),
            ($"{First}:EpochTimeoutSeconds", "ten"),
            ($"{First}:StopGraceSeconds", "1e9"),
            ("HyperSearch:Workloads:Commands:1:Name", "fashion-mlp"),
            ("HyperSearch:Workloads:Commands:1:Executable", "x"),
            ("HyperSearch:Workloads:Commands:1:Arguments", "train.py --fast"),
            ("HyperSearch:Workloads:Commands:1:Environment:CUDA_VISIBLE_DEVICES", "0"),
            ("HyperSearch:Workloads:Commands:2:Name", "has space"),
            ("HyperSearch:Workloads:Commands:2:Executable", "x")), ["fashion-mlp"]));

        Assert.Equal(
        [
            $"{First}:Executeable: is not a setting of a command workload (known: Name, Description, Executable, Arguments, WorkingDirectory, Environment, EpochTimeoutSeconds, StopGraceSeconds)",
            $"{First}:Name: is required",
            $"{First}:Executable: is required (a path, or a program on PATH such as /usr/bin/python3)",
            $"{First}:EpochTimeoutSeconds: must be a number > 0; got 'ten'",
            $"{First}:StopGraceSeconds: must be at most 604800 (a week); got '1e9'",
            "HyperSearch:Workloads:Commands:1:Arguments: must be a list, one argument per entry (\"Arguments\": [\"train.py\", \"--fast\"])",
            "HyperSearch:Workloads:Commands:1:Environment:CUDA_VISIBLE_DEVICES: is set by the worker for each trial",
            "HyperSearch:Workloads:Commands:2:Name: 'has space' must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit",
        ], error.Problems);
    }

    [Fact]
    public void Read_NameOfABuiltInOrAnotherCommand_IsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => CommandWorkloadSettings.Read(Configuration(
            ($"{First}:Name", "fashion-mlp"), ($"{First}:Executable", "x"),
            ("HyperSearch:Workloads:Commands:1:Name", "mine"), ("HyperSearch:Workloads:Commands:1:Executable", "x"),
            ("HyperSearch:Workloads:Commands:2:Name", "mine"), ("HyperSearch:Workloads:Commands:2:Executable", "x")), ["fashion-mlp"]));

        Assert.Equal([$"{First}:Name: 'fashion-mlp' is already a workload", "HyperSearch:Workloads:Commands:2:Name: 'mine' is already a workload"], error.Problems);
    }

    [Fact]
    public void Read_SingleValueInsteadOfAList_IsRefused()
    {
        var error = Assert.Throws<SettingsException>(() => CommandWorkloadSettings.Read(Configuration(("HyperSearch:Workloads:Commands", "python3 train.py")), []));

        Assert.Equal(["HyperSearch:Workloads:Commands: must be a list of commands (Name, Executable, Arguments, …), not a single value"], error.Problems);
    }
}
