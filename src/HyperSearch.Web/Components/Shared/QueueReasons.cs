using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Components.Shared;

/// <summary>Why something waits, in words; only the first in line is "next in line".</summary>
public static class QueueReasons
{
    /// <param name="position">1-based claim position of the queued trial.</param>
    public static string ForTrial(WaitReason reason, int position) => Text(reason, position == 1);

    /// <param name="index">0-based place in the list of waiting searches.</param>
    public static string ForSearch(WaitReason reason, int index) => Text(reason, index == 0);

    private static string Text(WaitReason reason, bool first) => reason switch
    {
        WaitReason.NoFreeSlot => first ? "next in line: waits for a free device slot" : "waits for a free device slot, behind the ones above",
        WaitReason.ParallelismLimit => "its search already runs as many trials as its parallelism allows",
        WaitReason.Paused => "its search is paused",
        WaitReason.LowerPriority => "trials of higher priority (or fairer share) are ahead",
        WaitReason.TeamQuota => "team at its quota",
        _ => reason.ToString(),
    };
}
