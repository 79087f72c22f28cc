using HyperSearch.Core.Access;
using HyperSearch.Core.Searches;
using HyperSearch.Web.Accounts;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>Every launch goes to the default team as the actor (the real rules are tested on the real directory).</summary>
public sealed class FakeLaunchTeams : ILaunchTeams
{
    public Task<(SearchSpec? Spec, string? Field, string? Problem)> AssignAsync(Actor actor, SearchSpec spec, CancellationToken ct = default) =>
        Task.FromResult<(SearchSpec?, string?, string?)>((spec with { TeamId = DefaultTeam.Id, Owner = actor.Name }, null, null));

    public Task<IReadOnlyList<string>> LaunchableAsync(Actor actor, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>([DefaultTeam.Name]);
}
