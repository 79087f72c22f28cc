using System.Text.Json;
using HyperSearch.Cli.Tests.Queue;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Cli.Tests;

/// <summary>
/// Declared workload parameters with the real binary (issue 30): the lists show them, a misspelt
/// <c>params</c> name is refused at launch, and a search stored without the check (launched before the
/// declaration existed) has its trial fail in the real worker naming the field instead of training with
/// the workload's default.
/// </summary>
public sealed class DeclaredParameterProcessTests
{
    private static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(300);

    /// <summary>The example's settings (examples/python/appsettings.pytorch-simple.json) as environment variables.</summary>
    private static Dictionary<string, string> PytorchSimple()
    {
        var env = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestRepo.Root, "examples", "python", "appsettings.pytorch-simple.json")));
        Flatten(document.RootElement, "", env);
        return env;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string> env)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}__{p.Name}", env);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Flatten(item, $"{prefix}__{i++}", env);
                break;
            default:
                env[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                break;
        }
    }

    [Fact]
    public async Task Workloads_Json_ListsTheCommandsDeclaredParametersAndTheBuiltIns()
    {
        var (exit, output, error) = await CliProcess.RunAsync(PytorchSimple(), CliTimeout, "workloads", "--json");

        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(output);
        var workloads = document.RootElement.GetProperty("workloads").EnumerateArray().ToDictionary(w => w.GetProperty("name").GetString()!);
        var simple = workloads["pytorch-simple"].GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["n_layers", "n_units_l0", "n_units_l1", "n_units_l2", "dropout_l0", "dropout_l1", "dropout_l2"], simple.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(("int", 4, 128, true), (simple[1].GetProperty("kind").GetString(), simple[1].GetProperty("low").GetInt32(), simple[1].GetProperty("high").GetInt32(), simple[1].GetProperty("log").GetBoolean()));
        Assert.Equal(3840, workloads["pytorch-simple"].GetProperty("batchSize").GetProperty("high").GetInt32());
        Assert.Equal(["hidden", "layers", "dropout"], workloads["fashion-mlp"].GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Workloads_Table_ShowsEachDeclaredParameter()
    {
        var (exit, output, error) = await CliProcess.RunAsync(PytorchSimple(), CliTimeout, "workloads");

        Assert.True(exit == 0, error);
        Assert.Contains("params.n_layers  int [1, 3], default 1: hidden layers", output);
        Assert.Contains("params.hidden  int [1, 8192] log, default 256: units per hidden layer", output);
        Assert.Contains("takes no params", output);
    }

    [Fact]
    public async Task SearchCreate_MisspeltParameterOfTheExample_Exit2NamingItAndTheDeclaredOne()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        var spec = File.ReadAllText(Path.Combine(TestRepo.Root, "examples", "python", "pytorch-simple-search.json")).Replace("\"n_layers\"", "\"n_layer\"");
        var file = CliRunner.TempFile(spec);

        var (exit, output, error) = await CliProcess.RunAsync(PytorchSimple(), CliTimeout, "search", "create", "--spec", file, "--db", database.Db);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("space.params.n_layer: unknown parameter of workload 'pytorch-simple'; did you mean 'n_layers'?", error);
        Assert.Empty(await database.Store.ListSearchesAsync(0, 10));
    }

    [Fact]
    public async Task TrialRun_MisspeltParameter_Exit2NamingTheField()
    {
        var config = CliRunner.TempFile("""{ "initialLr": 0.05, "decay": { "type": "constant" }, "params": { "hiden": 64 } }""");

        var (exit, _, error) = await CliRunner.RunAsync("trial", "run", "--workload", "two-spirals", "--config", config, "--epochs", "1");

        Assert.Equal(2, exit);
        Assert.Contains("error: config.params.hiden: unknown parameter of workload 'two-spirals'; did you mean 'hidden'? (known: hidden, dropout)", error);
    }

    [Fact]
    public async Task Worker_StoredSearchWithAMisspeltParameter_TrialFailsNamingItAndTheWorkerGoesOn()
    {
        await using var database = await QueueDatabase.CreateAsync(postgres: false);
        // Stored as a search launched before two-spirals declared its parameters: the store takes it unchecked.
        var bad = await database.Store.CreateSearchAsync(new SearchSpec
        {
            Name = "old", Workload = "two-spirals", Strategy = Core.Sampling.SearchStrategy.Random, Budget = 1, Epochs = 2, Seed = 1,
            SpaceJson = """{ "initialLr": 0.05, "decay": { "constant": {} }, "params": { "hiden": 16 } }""",
        });
        var good = await database.Store.CreateSearchAsync(new SearchSpec
        {
            Name = "new", Workload = "two-spirals", Strategy = Core.Sampling.SearchStrategy.Random, Budget = 1, Epochs = 2, Seed = 1,
            SpaceJson = """{ "initialLr": 0.05, "decay": { "constant": {} }, "params": { "hidden": 16 } }""",
        });
        var env = new Dictionary<string, string> { ["HyperSearch__Worker__PollMilliseconds"] = "50", ["Logging__LogLevel__Default"] = "Warning" };

        await using (CliProcess.Start(env, "worker", "--devices", "cpu:1", "--db", database.Db))
        {
            await database.WaitUntilAsync(bad, s => s.Counts.Failed + s.Counts.Completed >= 1, "the misspelt search's trial ends", 300);
            await database.WaitUntilAsync(good, s => s.Counts.Completed == 1, "the other search's trial completes", 300);
        }

        var trial = Assert.Single((await database.Store.GetTrialsAsync(new TrialQuery { SearchId = bad, Take = 10 })).Items);
        Assert.Equal(TrialState.Failed, trial.State);
        Assert.Contains("config.params.hiden: unknown parameter of workload 'two-spirals'; did you mean 'hidden'?", trial.Error);
    }
}
