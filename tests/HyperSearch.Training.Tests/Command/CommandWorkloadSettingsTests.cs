using HyperSearch.Core.Settings;
using HyperSearch.Core.Training;
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
    public void Read_DeclaredParameters_AreTheCommandsDeclaration()
    {
        var command = Assert.Single(CommandWorkloadSettings.Read(Configuration(
            ($"{First}:Name", "mine"), ($"{First}:Executable", "./train.sh"),
            ($"{First}:Parameters:0:Name", "n_layers"), ($"{First}:Parameters:0:Kind", "int"), ($"{First}:Parameters:0:Low", "1"),
            ($"{First}:Parameters:0:High", "3"), ($"{First}:Parameters:0:Default", "1"), ($"{First}:Parameters:0:Description", "hidden layers"),
            ($"{First}:Parameters:1:Name", "cell"), ($"{First}:Parameters:1:Kind", "categorical"), ($"{First}:Parameters:1:Choices:0", "0"),
            ($"{First}:Parameters:1:Choices:1", "1"), ($"{First}:Parameters:1:Default", "0"),
            ($"{First}:Parameters:2:Name", "lr_scale"), ($"{First}:Parameters:2:Kind", "float"), ($"{First}:Parameters:2:Low", "0.001"),
            ($"{First}:Parameters:2:High", "1"), ($"{First}:Parameters:2:Default", "0.1"), ($"{First}:Parameters:2:Log", "true"),
            ($"{First}:BatchSize:Low", "8"), ($"{First}:BatchSize:High", "512"), ($"{First}:BatchSize:Default", "64")), []));

        Assert.Equal(
        [
            WorkloadParameter.Int("n_layers", 1, 3, 1, "hidden layers"),
            new WorkloadParameter("cell", WorkloadParameterKind.Categorical, 0, Choices: command.Parameters![1].Choices),
            WorkloadParameter.Float("lr_scale", 0.001, 1, 0.1, "", log: true),
        ], command.Parameters);
        Assert.Equal([0.0, 1.0], command.Parameters[1].Choices!);
        Assert.Equal(WorkloadParameter.Int("batchSize", 8, 512, 64, ""), command.BatchSize);
        Assert.Null(Assert.Single(CommandWorkloadSettings.Read(Configuration(($"{First}:Name", "x"), ($"{First}:Executable", "y")), [])).Parameters);
    }

    [Fact]
    public void Read_BadDeclarations_OneLineEachNamingTheKey()
    {
        var error = Assert.Throws<SettingsException>(() => CommandWorkloadSettings.Read(Configuration(
            ($"{First}:Name", "mine"), ($"{First}:Executable", "./train.sh"),
            ($"{First}:Parameters:0:Name", "a"), ($"{First}:Parameters:0:Kind", "integer"), ($"{First}:Parameters:0:Default", "1"),
            ($"{First}:Parameters:1:Name", "b"), ($"{First}:Parameters:1:Kind", "float"), ($"{First}:Parameters:1:Low", "2"),
            ($"{First}:Parameters:1:High", "1"), ($"{First}:Parameters:1:Default", "1"),
            ($"{First}:Parameters:2:Name", "c"), ($"{First}:Parameters:2:Kind", "int"), ($"{First}:Parameters:2:Low", "1"),
            ($"{First}:Parameters:2:High", "many"), ($"{First}:Parameters:2:Default", "1"), ($"{First}:Parameters:2:Step", "1"),
            ($"{First}:Parameters:3:Name", "d"), ($"{First}:Parameters:3:Kind", "int"), ($"{First}:Parameters:3:Low", "1"), ($"{First}:Parameters:3:High", "4"),
            ($"{First}:BatchSize:Low", "8"), ($"{First}:BatchSize:High", "512"), ($"{First}:BatchSize:Default", "4")), []));

        Assert.Equal(
        [
            $"{First}:Parameters:0:Kind: must be int, float or categorical; got 'integer'",
            $"{First}:Parameters:1: b: needs finite Low ≤ High",
            $"{First}:Parameters:2:Step: is not a setting of a parameter (known: Name, Kind, Low, High, Choices, Default, Log, Description)",
            $"{First}:Parameters:2:High: must be a number; got 'many'",
            $"{First}:Parameters:3:Default: is required (the value a trial without the parameter gets)",
            $"{First}:BatchSize: batchSize: Default must be an integer in [8, 512]; got 4",
        ], error.Problems);
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
            $"{First}:Executeable: is not a setting of a command workload (known: Name, Description, Executable, Arguments, WorkingDirectory, Environment, EpochTimeoutSeconds, StopGraceSeconds, Parameters, BatchSize)",
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
