namespace HyperSearch.Core.Trials;

public static class TrialStateExtensions
{
    public static bool IsFinal(this TrialState state) =>
        state is not (TrialState.Queued or TrialState.Running);
}
