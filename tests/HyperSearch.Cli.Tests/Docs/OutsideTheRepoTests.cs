using System.Text.RegularExpressions;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Training;
using HyperSearch.Core.Trials;
using HyperSearch.Training.Plugins;
using HyperSearch.Training.Trainer;
using HyperSearch.Training.Workloads;

namespace HyperSearch.Cli.Tests.Docs;

/// <summary>
/// The guide's project file for a plug-in outside the repository (examples/outside-the-repo), built the way
/// the guide says — in a folder outside the repository, against the built HyperSearch.Training.dll — then
/// loaded through the plug-in path and trained.
/// </summary>
public sealed partial class OutsideTheRepoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hs-outside-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ProjectFile_BuiltOutsideTheRepo_CompilesLoadsAndItsWorkloadsTrain()
    {
        Assert.False(_dir.StartsWith(TestRepo.Root, StringComparison.Ordinal));
        File.Copy(Path.Combine(TestRepo.Root, "examples", "outside-the-repo", "TeamWorkloads.csproj"), Path.Combine(_dir, "TeamWorkloads.csproj"));
        foreach (var source in Directory.GetFiles(Path.Combine(TestRepo.Root, "examples", "TeamWorkloads"), "*.cs"))
            File.Copy(source, Path.Combine(_dir, Path.GetFileName(source)));

        var (built, log) = await DotnetBuild.RunAsync(Path.Combine(_dir, "TeamWorkloads.csproj"), $"-p:HyperSearchDir={AppContext.BaseDirectory.TrimEnd('/')}");

        Assert.True(built, log);
        var output = Path.Combine(_dir, "bin", "Debug", "net10.0");
        // Compiled against them, never copied: the host's copies load.
        Assert.All(new[] { "HyperSearch.Training.dll", "HyperSearch.Core.dll", "TorchSharp.dll" }, dll => Assert.False(File.Exists(Path.Combine(output, dll)), dll));
        var registry = WorkloadRegistry.CreateDefault();
        WorkloadPlugins.Load(registry, [Path.Combine(output, "TeamWorkloads.dll")], new WorkloadOptions());
        Assert.Empty(registry.PluginErrors);
        var trainer = new TorchTrainer(registry);
        var moons = await LastAccuracyAsync(trainer, "team-moons", epochs: 10);
        var fashion = await LastAccuracyAsync(trainer, "team-fashion", epochs: 1);
        Assert.True(moons > 0.8, $"team-moons reached only {moons}");
        Assert.True(fashion > 0.5, $"team-fashion reached only {fashion}");
    }

    [Fact]
    public void ProjectFile_PinsTheHostsTorchSharpVersion()
    {
        var props = File.ReadAllText(Path.Combine(TestRepo.Root, "Directory.Packages.props"));
        var project = File.ReadAllText(Path.Combine(TestRepo.Root, "examples", "outside-the-repo", "TeamWorkloads.csproj"));

        Assert.Equal(HostVersion().Match(props).Groups[1].Value, PluginVersion().Match(project).Groups[1].Value);
    }

    private static async Task<double> LastAccuracyAsync(TorchTrainer trainer, string workload, int epochs)
    {
        var last = double.NaN;
        var outcome = await trainer.TrainAsync(new TrainingRequest
        {
            Workload = workload,
            Config = new TrialConfig { InitialLr = 0.01, Decay = new ConstantDecay(), Optimizer = new OptimizerSpec { Type = OptimizerType.Adam } },
            Epochs = epochs,
            Seed = 1,
            Threads = 1,
        }, report =>
        {
            last = report.ValAccuracy;
            return ValueTask.FromResult(true);
        }, CancellationToken.None);
        Assert.Equal(TrialState.Completed, outcome.State);
        return last;
    }

    [GeneratedRegex("<HsTorchSharpVersion>([^<]+)</HsTorchSharpVersion>")]
    private static partial Regex HostVersion();

    [GeneratedRegex("""<PackageReference Include="TorchSharp" Version="([^"]+)" """)]
    private static partial Regex PluginVersion();
}
