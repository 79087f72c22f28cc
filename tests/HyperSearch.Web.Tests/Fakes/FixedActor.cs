using HyperSearch.Core.Access;
using HyperSearch.Web.Accounts;

namespace HyperSearch.Web.Tests.Fakes;

/// <summary>The circuit's user, fixed by the test (default: the open-mode local admin).</summary>
public sealed class FixedActor : ICurrentActor
{
    public Actor Actor { get; set; } = Actor.LocalOpenMode;

    public Task<Actor> GetAsync() => Task.FromResult(Actor);
}
