using HyperSearch.Core.Settings;
using HyperSearch.Core.Slurm;
using HyperSearch.Worker.Slurm;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Worker.Tests.Slurm;

public sealed class SlurmSettingsTests
{
    private static SlurmSettings Read(params (string Key, string Value)[] values) =>
        SlurmSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => "HyperSearch:Slurm:" + v.Key, v => (string?)v.Value)).Build());

    [Fact]
    public void From_TeamProfile_OverridesTheDefaultsItNamesAndKeepsTheRest()
    {
        var settings = Read(("Enabled", "true"), ("WorkerCommand", "/opt/hs/hypersearch"), ("Partition", "gpu"), ("Account", "shared"),
            ("Gres", "gpu:a100:2"), ("TimeLimit", "4:00:00"), ("Teams:vision:Account", "vision"), ("Teams:vision:MaxJobs", "3"),
            ("Teams:nlp:Gres", "none"), ("Teams:nlp:CpuSlots", "4"));

        var vision = settings.Profiles.Single(p => p.Name == "vision");
        Assert.Equal(("gpu", "vision", "gpu:a100:2", "4:00:00", 3, 2), (vision.Partition, vision.Account, vision.Gres, vision.TimeLimit, vision.MaxJobs, vision.SlotsPerJob));
        var nlp = settings.Profiles.Single(p => p.Name == "nlp");
        Assert.Equal((null, 4), (nlp.Gres, nlp.SlotsPerJob));
        Assert.Equal("vision", settings.ProfileOf("vision"));
        Assert.Equal(SlurmSettings.DefaultProfile, settings.ProfileOf("unlisted team"));
    }

    [Fact]
    public void From_BadValues_NamesEveryKey()
    {
        var e = Assert.Throws<SettingsException>(() => Read(("Enabled", "true"), ("MaxJobs", "many"), ("Teams:vision:SlotsPerGpu", "0")));

        Assert.Contains(e.Problems, p => p.StartsWith("HyperSearch:Slurm:WorkerCommand: required when the Slurm executor is enabled"));
        Assert.Contains(e.Problems, p => p.StartsWith("HyperSearch:Slurm:MaxJobs: must be a whole number > 0; got 'many'"));
        Assert.Contains(e.Problems, p => p.StartsWith("HyperSearch:Slurm:Teams:vision:SlotsPerGpu: must be a whole number > 0; got '0'"));
    }

    [Fact]
    public void JobScript_GpuProfile_ExecsTheWorkerOnEveryAllocatedGpuUnderAHostNamingTheJob()
    {
        var settings = Read(("Enabled", "true"), ("WorkerCommand", "dotnet /opt/hs/hypersearch.dll"), ("Gres", "gpu:a100:2"), ("SlotsPerGpu", "2"), ("ExitWhenIdleSeconds", "300"));

        var script = SlurmJobScript.For(settings.Profiles[0], settings);

        Assert.Contains("exec dotnet /opt/hs/hypersearch.dll worker --devices \"$devices\" --exit-when-idle 300\n", script);
        Assert.Contains("cuda:$i:2", script);
        Assert.Contains("CUDA_VISIBLE_DEVICES", script);
        Assert.Contains($"export HyperSearch__Worker__Host=\"{SlurmWorkerHost.Format("$(hostname -s)", "${SLURM_JOB_ID}")}\"", script);
    }
}
