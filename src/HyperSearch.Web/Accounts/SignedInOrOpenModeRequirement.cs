using Microsoft.AspNetCore.Authorization;

namespace HyperSearch.Web.Accounts;

/// <summary>The fallback policy of every endpoint: a signed-in user, or open loopback mode (no account exists).</summary>
public sealed class SignedInOrOpenModeRequirement : IAuthorizationRequirement;
