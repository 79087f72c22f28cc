using HyperSearch.Core.Training;
using System.Reflection;
using HyperSearch.Core.Searches;
using HyperSearch.Training.Command;
using HyperSearch.Training.Workloads;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Cli.Tests.Docs;

/// <summary>
/// docs/training.md's guides quote real files (examples/): every quoted block equals its file, every
/// C#, project and Python block is quoted (none is typed into the doc by hand), the quoted settings and
/// specs are accepted by the real readers, and every public type of the plug-in API has a reference entry.
/// That the quoted code builds and runs is tested where it is built: CheckpointProcessTests (the in-repo
/// plug-in), OutsideTheRepoTests, CommandWorkloadProcessTests (the Python example).
/// </summary>
public sealed class TrainingGuideTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(TestRepo.Root, "docs", "training.md"));

    [Fact]
    public void Snippets_EqualTheFilesTheyQuote()
    {
        var snippets = DocSnippet.In(Guide);

        Assert.NotEmpty(snippets);
        Assert.All(snippets, s => Assert.Equal(s.Expected(TestRepo.Root), s.Text));
    }

    [Fact]
    public void Snippets_QuoteBothGuidesExamples()
    {
        var files = DocSnippet.In(Guide).Select(s => s.File).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "examples/TeamWorkloads/TeamWorkloads.csproj",
            "examples/outside-the-repo/TeamWorkloads.csproj",
            "examples/TeamWorkloads/TwoMoonsWorkload.cs",
            "examples/TeamWorkloads/TeamFashionWorkload.cs",
            "examples/TeamWorkloads/appsettings.plugin.json",
            "examples/TeamWorkloads/moons-search.json",
            "examples/python/appsettings.pytorch-simple.json",
            "examples/python/pytorch_simple.py",
            "examples/python/pytorch-simple-search.json",
        }, files);
    }

    [Fact]
    public void CodeBlocks_CSharpProjectAndPython_AreAllQuotedFromFiles()
    {
        var quoted = DocSnippet.In(Guide).Select(s => s.Text).ToHashSet();

        var typed = DocSnippet.Blocks(Guide).Where(b => b.Language is "csharp" or "xml" or "python" && !quoted.Contains(b.Text)).ToList();

        Assert.True(typed.Count == 0, $"code typed into docs/training.md instead of quoted from a file:\n{string.Join("\n---\n", typed.Select(b => b.Text))}");
    }

    [Fact]
    public void QuotedSettings_CommandWorkload_IsAcceptedByTheSettingsReader()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestRepo.Root, "examples", "python", "appsettings.pytorch-simple.json")).Build();

        var command = Assert.Single(CommandWorkloadSettings.Read(configuration, WorkloadRegistry.CreateDefault().Names));

        Assert.Equal("pytorch-simple", command.Name);
        Assert.Equal(["n_layers", "n_units_l0", "n_units_l1", "n_units_l2", "dropout_l0", "dropout_l1", "dropout_l2"], command.Parameters!.Select(p => p.Name));
        Assert.Equal("/usr/bin/python3", command.Executable);
        Assert.True(File.Exists(Path.Combine(TestRepo.Root, command.Arguments[0])), $"{command.Arguments[0]} (relative to the repository, where the dashboard runs) does not exist");
    }

    [Fact]
    public void QuotedSettings_Plugin_NamesTheBuiltAssembly()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestRepo.Root, "examples", "TeamWorkloads", "appsettings.plugin.json")).Build();

        Assert.Equal(["examples/TeamWorkloads/bin/Release/net10.0/TeamWorkloads.dll"], configuration.GetSection("HyperSearch:Workloads:Plugins").GetChildren().Select(c => c.Value));
    }

    [Theory]
    [InlineData("examples/TeamWorkloads/moons-search.json", "team-moons")]
    [InlineData("examples/python/pytorch-simple-search.json", "pytorch-simple")]
    public void QuotedSearchSpecs_AreValid(string file, string workload)
    {
        // Against what the workload declares: the example command's settings (team-moons declares nothing).
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(TestRepo.Root, "examples", "python", "appsettings.pytorch-simple.json")).Build();
        var registry = WorkloadRegistry.CreateDefault();
        foreach (var command in CommandWorkloadSettings.Read(configuration, registry.Names)) registry.Add(command);
        var declared = registry.Describe().SingleOrDefault(w => w.Name == workload) ?? new WorkloadInfo(workload, "", WorkloadKind.TorchSharp);

        var (spec, errors) = SearchSpecValidator.Parse(File.ReadAllText(Path.Combine(TestRepo.Root, file)), [declared]);

        Assert.Empty(errors);
        Assert.Equal(workload, spec!.Workload);
    }

    [Fact]
    public void Reference_EveryPublicTypeOfThePluginApi_HasAnEntryWithItsNamespace()
    {
        string[] namespaces = ["HyperSearch.Training.Workloads", "HyperSearch.Training.Data", "HyperSearch.Training.Models"];
        var types = typeof(IWorkload).Assembly.GetExportedTypes().Where(t => namespaces.Contains(t.Namespace) && !t.IsNested).ToList();
        var reference = Guide[Guide.IndexOf("### Plug-in API reference", StringComparison.Ordinal)..];
        reference = reference[..reference.IndexOf("\n## ", StringComparison.Ordinal)];

        Assert.True(types.Count >= 25, $"only {types.Count} public types found");
        var missing = types.Where(t => !reference.Contains($"| `{t.Name}` | `{t.Namespace}` |", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, $"no reference entry (| `Name` | `Namespace` | …) for: {string.Join(", ", missing)}");
    }
}
