using HyperSearch.Core.Access;

namespace HyperSearch.Web.Accounts;

/// <summary>The user of the current Blazor circuit as an <see cref="Actor"/>.</summary>
public interface ICurrentActor
{
    Task<Actor> GetAsync();
}
