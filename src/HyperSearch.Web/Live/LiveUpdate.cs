using HyperSearch.Core.Searches;

namespace HyperSearch.Web.Live;

/// <summary>
/// What one subscriber receives: the changes since its previous delivery (merged when it was busy),
/// the tick's shared <see cref="LiveSnapshot"/> to read anything else from, and <see cref="Gap"/> when
/// changes had to be thrown away (a long-busy subscriber): the page must then reload what it shows.
/// </summary>
public sealed record LiveUpdate(ChangeSet Changes, LiveSnapshot Snapshot, bool Gap);
