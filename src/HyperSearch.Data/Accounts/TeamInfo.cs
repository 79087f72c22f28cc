using HyperSearch.Core.FairShare;

namespace HyperSearch.Data.Accounts;

public sealed record TeamInfo(long Id, string Name, IReadOnlyList<TeamMemberInfo> Members, TeamQuota Quota);
