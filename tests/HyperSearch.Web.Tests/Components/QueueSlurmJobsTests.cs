using Bunit;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Slurm;
using HyperSearch.Web.Components.Pages;

namespace HyperSearch.Web.Tests.Components;

/// <summary>The Queue page's Slurm section: the executor's jobs with Slurm's state and reason, and a Slurm failure.</summary>
public class QueueSlurmJobsTests : DashboardTestContext
{
    public QueueSlurmJobsTests() => Store.Queue = new QueueSnapshot([], [], [], []);

    [Fact]
    public void Render_ExecutorRunning_ShowsEachJobsStateReasonAndTime()
    {
        SlurmJobs.Enabled = true;
        SlurmJobs.Saw([
            new SlurmJob("41", "default", "RUNNING", "None", "12:03", "4:00:00"),
            new SlurmJob("42", "vision", "PENDING", "QOSMaxJobsPerUserLimit", "0:00", "2:00:00")], DateTimeOffset.UtcNow);

        var cut = Render<Queue>();

        Assert.Contains("Slurm jobs (2)", cut.Markup);
        var running = cut.Find("[data-job='41']").TextContent;
        Assert.Contains("running", running);
        Assert.Contains("12:03 of 4:00:00", running);
        var pending = cut.Find("[data-job='42']").TextContent;
        Assert.Contains("vision", pending);
        Assert.Contains("pending", pending);
        Assert.Contains("QOSMaxJobsPerUserLimit", pending);
        Assert.Empty(cut.FindAll("#slurm-problem"));
    }

    [Fact]
    public void Render_SlurmFailed_ShowsSlurmsReasonAndTheLastJobsSeen()
    {
        SlurmJobs.Enabled = true;
        SlurmJobs.Saw([new SlurmJob("41", "default", "RUNNING", "None", "1:00", "UNLIMITED")], DateTimeOffset.UtcNow);
        SlurmJobs.Failed("squeue: slurm_load_jobs error: Unable to contact slurm controller (connect failure)");

        var cut = Render<Queue>();

        Assert.Contains("Unable to contact slurm controller", cut.Find("#slurm-problem").TextContent);
        Assert.Contains("1:00", cut.Find("[data-job='41']").TextContent);
    }

    [Fact]
    public void Render_NoExecutor_HasNoSlurmSection()
    {
        var cut = Render<Queue>();

        Assert.DoesNotContain("Slurm jobs", cut.Markup);
    }
}
