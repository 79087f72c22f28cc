namespace HyperSearch.Cli.Tests.Slurm;

/// <summary>A fact that needs the private Slurm cluster; skipped, with the reason shown, when none runs.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (TestSlurm.Partition is null)
            Skip = $"{TestSlurm.Variable} is not set: run eval \"$(scripts/test-slurm.sh start)\" (scripts/test.sh does) to run the Slurm tests";
    }
}
