using Microsoft.AspNetCore.Authorization;

namespace HyperSearch.Web.Accounts;

public sealed class SignedInOrOpenModeHandler(AccountMode mode) : AuthorizationHandler<SignedInOrOpenModeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SignedInOrOpenModeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true || !await mode.IsEnabledAsync()) context.Succeed(requirement);
    }
}
