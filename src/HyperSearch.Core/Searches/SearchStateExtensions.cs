namespace HyperSearch.Core.Searches;

public static class SearchStateExtensions
{
    public static bool IsFinal(this SearchState state) =>
        state is SearchState.Completed or SearchState.Cancelled or SearchState.Failed;
}
