using HyperSearch.Core.Access;

namespace HyperSearch.Data.Accounts;

public sealed record TeamMemberInfo(string UserId, string UserName, TeamRole Role);
