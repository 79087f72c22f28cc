using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Accounts;

/// <summary>Which team a new search belongs to and who launched it (see <see cref="LaunchTeams"/>).</summary>
public interface ILaunchTeams
{
    /// <summary>The spec owned by the actor, or the field (null: not a field, a 403) and the problem.</summary>
    Task<(SearchSpec? Spec, string? Field, string? Problem)> AssignAsync(Actor actor, SearchSpec spec, CancellationToken ct = default);

    Task<IReadOnlyList<string>> LaunchableAsync(Actor actor, CancellationToken ct = default);
}
