using HyperSearch.Core.Faults;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Tests.Searches;

public sealed class MisconfigurationCheckTests
{
    private static FinishedTrialFact Failed(FailureKind? kind, string error) => new(TrialState.Failed, kind, error);

    [Fact]
    public void PauseReason_LastThreeFailedWithOneKindAndDifferentMessages_PausesNamingTheKindAndTheLatestError()
    {
        var reason = MisconfigurationCheck.PauseReason([
            Failed(FailureKind.InvalidParameter, "params.hidden: got 5180"),
            Failed(FailureKind.InvalidParameter, "params.hidden: got 5146"),
            Failed(FailureKind.InvalidParameter, "params.hidden: got 9000"),
        ]);

        Assert.Equal("paused itself: its last 3 trials failed alike (parameter out of range), so the next would too — params.hidden: got 5180", reason);
    }

    [Fact]
    public void PauseReason_TwoFailuresOrACompletedTrialInTheStreakOrKindsDiffer_GoesOn()
    {
        Assert.Null(MisconfigurationCheck.PauseReason([Failed(FailureKind.DiskFull, "a"), Failed(FailureKind.DiskFull, "b")]));
        Assert.Null(MisconfigurationCheck.PauseReason([Failed(FailureKind.DiskFull, "a"), new FinishedTrialFact(TrialState.Completed, null, null), Failed(FailureKind.DiskFull, "b")]));
        Assert.Null(MisconfigurationCheck.PauseReason([Failed(FailureKind.DiskFull, "a"), Failed(FailureKind.OutOfMemory, "b"), Failed(FailureKind.DiskFull, "c")]));
    }

    [Fact]
    public void PauseReason_OlderFailuresWithoutAKind_CompareByTheirText()
    {
        Assert.NotNull(MisconfigurationCheck.PauseReason([Failed(null, "missing dataset"), Failed(null, "missing dataset"), Failed(null, "missing dataset")]));
        Assert.Null(MisconfigurationCheck.PauseReason([Failed(null, "missing dataset"), Failed(null, "missing datasets"), Failed(null, "missing dataset")]));
        Assert.Null(MisconfigurationCheck.PauseReason([Failed(FailureKind.MissingFile, "missing dataset"), Failed(null, "missing dataset"), Failed(null, "missing dataset")]));
    }
}
